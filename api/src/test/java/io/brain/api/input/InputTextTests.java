package io.brain.api.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.brain.api.problem.BrainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one rule for text Brain takes in: what it refuses, and what it must not (any real
 * character, emoji included, raw or escaped).
 */
class InputTextTests {

	@Test
	void jsonWhenRealCharactersThenAccepted() {
		assertThatCode(
				() -> InputText.checkJson(utf8("{\"name\":\"Grüße 😀 \\ud83d\\ude00 \\u00e9\",\"n\":[1,\"a\"]}")))
			.doesNotThrowAnyException();
		assertThatCode(() -> InputText.checkJson(utf8("not json \u00e9"))).doesNotThrowAnyException();
	}

	@Test
	void jsonWhenNulOrLoneSurrogateThenRefusedNamingTheField() {
		assertThatThrownBy(() -> InputText.checkJson(utf8("{\"a\":{\"b\":[\"ok\",\"x\\u0000\"]}}")))
			.isInstanceOfSatisfying(BrainProblem.class,
					(problem) -> assertThat(problem.getBody().getProperties()).containsEntry("field", "a.b[1]"));
		assertThatThrownBy(() -> InputText.checkJson(utf8("{\"name\":\"\\udc00\"}"))).isInstanceOfSatisfying(
				BrainProblem.class,
				(problem) -> assertThat(problem.getBody().getDetail()).contains("lone surrogate (U+DC00)"));
		assertThatThrownBy(() -> InputText.checkJson(utf8("{\"a\":{\"\\u0000\":1}}")))
			.isInstanceOfSatisfying(BrainProblem.class, (problem) -> {
				assertThat(problem.getBody().getProperties()).containsEntry("field", "a");
				assertThat(problem.getBody().getDetail()).startsWith("A field name in the request body's field 'a'");
			});
	}

	@Test
	void jsonWhenOverlongUtf8ThenRefusedNamingTheField() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(utf8("{\"key\":\"k\",\"name\":\"a"));
		body.writeBytes(new byte[] { (byte) 0xC0, (byte) 0xAF });
		body.writeBytes(utf8("b\"}"));
		assertThatThrownBy(() -> InputText.checkJson(body.toByteArray())).isInstanceOfSatisfying(BrainProblem.class,
				(problem) -> assertThat(problem.getBody().getProperties()).containsEntry("field", "name"));
	}

	@Test
	void percentEncodingWhenValidThenDecodedElseRefused() {
		assertThat(InputText.percentDecoded("caf%C3%A9+au+lait", true)).isEqualTo("café au lait");
		assertThat(InputText.percentDecoded("%F0%9F%98%80", false)).isEqualTo("😀");
		assertThatThrownBy(() -> InputText.percentDecoded("a%00b", true)).hasMessageContaining("NUL");
		assertThatThrownBy(() -> InputText.percentDecoded("a%C0%AFb", true)).hasMessageContaining("UTF-8");
		assertThatThrownBy(() -> InputText.percentDecoded("a%ED%A0%80b", true)).hasMessageContaining("UTF-8");
		assertThatThrownBy(() -> InputText.percentDecoded("a%zz", true)).hasMessageContaining("percent-encoded");
		assertThatThrownBy(() -> InputText.percentDecoded("a%4", true)).hasMessageContaining("percent-encoded");
	}

	@Test
	void valuesWhenHoldingNulThenRefusalNamesWhere() {
		assertThat(InputText.refusalIn(Map.of("webhook", Map.of("payload", List.of("ok", "a\u0000b")))))
			.isEqualTo(new InputText.Refusal("webhook.payload[1]",
					"holds a NUL character (U+0000), which Brain does not accept"));
		assertThat(InputText.refusalIn(Map.of("webhook", Map.of("emoji", "😀")))).isNull();
	}

	@Test
	void webhookBodyWhenFormOrTextHoldsNulThenRefused() {
		assertThatThrownBy(() -> InputText.checkBody(utf8("a=1&note=x%00y"), "application/x-www-form-urlencoded"))
			.isInstanceOfSatisfying(BrainProblem.class,
					(problem) -> assertThat(problem.getBody().getProperties()).containsEntry("field", "note"));
		assertThatThrownBy(() -> InputText.checkBody(new byte[] { 'a', 0, 'b' }, "text/plain"))
			.isInstanceOf(BrainProblem.class);
		assertThatCode(() -> InputText.checkBody(utf8("a=caf%C3%A9"), "application/x-www-form-urlencoded"))
			.doesNotThrowAnyException();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
