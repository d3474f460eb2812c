package io.brain.workers.connector.slack;

import java.net.http.HttpHeaders;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.provider.ProviderResponse;
import io.camunda.connector.api.error.ConnectorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Slack answers refusals with HTTP 200 and {@code {"ok": false, "error": "<code>"}}, as
 * its Web API documents; each becomes an error code a model can act on and plain words.
 */
class SlackErrorsTests {

	@Test
	void okWhenSlackAcceptedThenAnswersTheBody() throws Exception {
		assertThat(SlackClient.ok(answer("{\"ok\": true, \"ts\": \"1.2\"}"), "channel C1").path("ts").asText())
			.isEqualTo("1.2");
	}

	@Test
	void okWhenTokenNoLongerWorksThen401SoTheConnectionNeedsAttention() throws Exception {
		for (String error : new String[] { "invalid_auth", "not_authed", "token_revoked", "account_inactive" }) {
			ConnectorException refused = refusal("{\"ok\": false, \"error\": \"" + error + "\"}");
			assertThat(refused.getErrorCode()).as(error).isEqualTo("401");
			assertThat(refused.getMessage()).isEqualTo("Slack rejected the bot token (401)");
		}
	}

	@Test
	void okWhenOtherRefusalsThenFittingCodesAndPlainWords() throws Exception {
		assertThat(refusal("{\"ok\": false, \"error\": \"channel_not_found\"}"))
			.returns("404", ConnectorException::getErrorCode)
			.hasMessage("Slack has no channel C1 (404)");
		assertThat(refusal("{\"ok\": false, \"error\": \"ratelimited\"}")).returns("429",
				ConnectorException::getErrorCode);
		assertThat(refusal("{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"chat:write\", "
				+ "\"provided\": \"channels:read\"}"))
			.returns("403", ConnectorException::getErrorCode)
			.hasMessage("Slack refused: the bot token lacks the scope chat:write; "
					+ "add it under OAuth & Permissions and reinstall the app (403)");
		assertThat(refusal("{\"ok\": false, \"error\": \"invalid_blocks\", \"errors\": "
				+ "[\"missing required field: type [json-pointer:/blocks/0]\"]}"))
			.returns("400", ConnectorException::getErrorCode)
			.hasMessage("Slack refused: the blocks are not valid Block Kit: "
					+ "missing required field: type [json-pointer:/blocks/0] (400)");
		assertThat(refusal("{\"ok\": false, \"error\": \"too_many_attachments\"}"))
			.returns("400", ConnectorException::getErrorCode)
			.hasMessage("Slack refused: too many attachments (400)");
	}

	private static ConnectorException refusal(String body) throws Exception {
		ProviderResponse response = answer(body);
		return catchThrowableOfType(ConnectorException.class, () -> SlackClient.ok(response, "channel C1"));
	}

	private static ProviderResponse answer(String body) throws Exception {
		return new ProviderResponse("Slack", SlackClient.CREDENTIAL, 200, HttpHeaders.of(Map.of(), (a, b) -> true),
				new ObjectMapper().readTree(body));
	}

}
