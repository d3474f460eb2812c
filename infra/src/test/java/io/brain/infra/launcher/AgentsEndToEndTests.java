package io.brain.infra.launcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.ScriptedModelServer;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business user talks to an AI agent in the browser, on the platform as
 * {@code ./brain up} starts it: the model (a local OpenAI-compatible server playing a
 * scripted transcript, as no language model is reachable from the build) asks to post to
 * Slack, which needs approval; the user approves it in the chat, the workers post through
 * the tenant's Slack connection (a local server answering as Slack's Web API), and the
 * answer appears in the chat.
 */
class AgentsEndToEndTests {

	static final String MODEL_KEY = "sk-e2e-agent-4Tq8Wm2Yx6Rb";

	static final String BOT_TOKEN = "xoxb-5-6-e2eagentbottoken";

	@Test
	void chatWhenTheAgentAsksToPostThenTheUserApprovesInTheBrowserAndTheAnswerAppears() throws Exception {
		SharedPlatform.get();
		RecordingHttpServer slack = SharedPlatform.slack();
		slack.reset();
		// Set up through the API as the admin; the editor signs in to the browser.
		String token = SharedPlatform.token("acme-admin");
		try (ScriptedModelServer model = ScriptedModelServer.start(MODEL_KEY)) {
			String openai = id(token, "/api/connectors", Map.of("type", "openai", "name", "E2E model", "config",
					Map.of("baseUrl", model.baseUrl(), "defaultModel", "gpt-test", "apiKey", MODEL_KEY)));
			String slackConnection = id(token, "/api/connectors",
					Map.of("type", "slack", "name", "E2E Slack", "config", Map.of("botToken", BOT_TOKEN)));
			String agent = id(token, "/api/agents",
					Map.of("config", Map.of("name", "Launch announcer", "role", "You are a witty marketing expert.",
							"model", Map.of("connectionId", openai), "tools", List.of(Map.of("connector", "slack",
									"action", "post-message", "connectionId", slackConnection, "access", "WRITE")))));
			model
				.callTools(
						List.of(new ScriptedModelServer.ToolCall("call_e2e_1", "slack_post_message",
								"{\"channel\":\"#launch\",\"text\":\"We launch on Monday!\"}")),
						new ScriptedModelServer.Usage(120, 15))
				.answer("Done: I told #launch that we launch on Monday.", new ScriptedModelServer.Usage(160, 12));
			slack.answer(200, Map.of("Content-Type", "application/json"),
					"{\"ok\":true,\"channel\":\"C7\",\"ts\":\"7.1\"}");

			try (SignedInBrowser browser = SignedInBrowser.open("/agents/" + agent, "acme-editor")) {
				Page page = browser.page();
				page.getByTestId("agent-tab-chat").click();
				page.getByTestId("chat-prompt").fill("Announce the launch.");
				page.getByTestId("chat-send").click();
				assertThat(page.getByTestId("chat-user").first()).containsText("Announce the launch.",
						new ContainsTextOptions().setTimeout(30_000));
				assertThat(page.getByTestId("chat-tool-call")).containsText("slack_post_message",
						new ContainsTextOptions().setTimeout(60_000));
				// Nothing is posted before the user approves.
				assertThat(slack.received()).isZero();
				page.getByTestId("chat-approve").click();
				assertThat(page.getByTestId("chat-assistant").last()).containsText(
						"Done: I told #launch that we launch on Monday.", new ContainsTextOptions().setTimeout(60_000));
				assertThat(page.getByTestId("chat-tool-result")).containsText("tool-result");
			}
			RecordingHttpServer.Recorded posted = slack.take(Duration.ofSeconds(10));
			assertThat(posted.uri().getPath()).endsWith("/chat.postMessage");
			assertThat(posted.body()).contains("We launch on Monday!");
			assertThat(String.join("\n", model.requests())).doesNotContain(MODEL_KEY).doesNotContain(BOT_TOKEN);
		}
	}

	private static String id(String token, String path, Object body) {
		HttpResponse<String> response = SharedPlatform.send(token, "POST", path, SharedPlatform.write(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return SharedPlatform.read(response.body()).get("id").asText();
	}

}
