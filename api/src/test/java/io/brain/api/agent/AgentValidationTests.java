package io.brain.api.agent;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad settings of each kind, on create and on update: 400 problem+json naming the field
 * at fault, and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentValidationTests extends AgentFixtures {

	private UUID existing;

	@BeforeAll
	void tenantWithAnAgent() throws Exception {
		tenantWithConnections();
		this.existing = created(analyst());
	}

	Stream<Arguments> badSettings() {
		return Stream.of(bad("a blank name", "config.name", (r) -> config(r).put("name", " ")),
				bad("no role", "config.role", (r) -> config(r).remove("role")),
				bad("a role over its bound", "config.role", (r) -> config(r).put("role", "x".repeat(8001))),
				bad("a task prompt over its bound", "config.taskPrompt",
						(r) -> config(r).put("taskPrompt", "x".repeat(8001))),
				bad("no model", "config.model", (r) -> config(r).remove("model")),
				unusable("a model connection of another connector", "config.model.connectionId",
						(r) -> model(r).put("connectionId", this.blog.toString())),
				unusable("a model connection that does not exist", "config.model.connectionId",
						(r) -> model(r).put("connectionId", UUID.randomUUID().toString())),
				bad("a temperature over 2", "config.model.temperature", (r) -> model(r).put("temperature", 2.1)),
				bad("a temperature under 0", "config.model.temperature", (r) -> model(r).put("temperature", -0.1)),
				bad("no output tokens", "config.model.maxOutputTokens", (r) -> model(r).put("maxOutputTokens", 0)),
				bad("too many output tokens", "config.model.maxOutputTokens",
						(r) -> model(r).put("maxOutputTokens", 32769)),
				bad("a connector not in the catalog", "config.tools[0].connector",
						(r) -> tool(r).put("connector", "myspace")),
				bad("an action the connector lacks", "config.tools[0].action",
						(r) -> tool(r).put("action", "delete-site")),
				unusable("a tool on a connection of another connector", "config.tools[0].connectionId",
						(r) -> tool(r).put("connectionId", this.ads.toString())),
				bad("a write tool marked READ", "config.tools[0].access", (r) -> tool(r).put("access", "READ")),
				bad("a tool with an unknown access", "config.tools[0].access", (r) -> tool(r).put("access", "ADMIN")),
				bad("the same tool twice", "config.tools[1].action",
						(r) -> config(r).withArray("tools").add(tool(r).deepCopy())),
				bad("a tool without a connection", "config.tools[0].connectionId",
						(r) -> tool(r).remove("connectionId")),
				bad("an invalid cron expression", "config.schedule.cron",
						(r) -> schedule(r, "61 9 * * MON", "Europe/Berlin")),
				bad("words for a cron expression", "config.schedule.cron",
						(r) -> schedule(r, "every monday", "Europe/Berlin")),
				bad("no cron expression", "config.schedule.cron", (r) -> schedule(r, null, "Europe/Berlin")),
				bad("an unknown time zone", "config.schedule.timeZone", (r) -> schedule(r, "0 9 * * MON", "Mars/Base")),
				bad("a fixed offset for a time zone", "config.schedule.timeZone",
						(r) -> schedule(r, "0 9 * * MON", "+02:00")),
				bad("a schedule firing more often than allowed", "config.schedule.cron",
						(r) -> schedule(r, "*/10 * * * * *", "UTC")),
				bad("an unknown delivery", "config.delivery.kind",
						(r) -> config(r).putObject("delivery").put("kind", "FAX")),
				bad("an e-mail delivery without addresses", "config.delivery.to",
						(r) -> delivery(r, "EMAIL", this.mail).remove("to")),
				bad("an e-mail delivery to no address", "config.delivery.to",
						(r) -> delivery(r, "EMAIL", this.mail).put("to", "team@example.com, not-an-address")),
				unusable("an e-mail delivery by a Slack connection", "config.delivery.connectionId",
						(r) -> delivery(r, "EMAIL", this.slack).put("to", "team@example.com")),
				bad("a Slack delivery without a channel", "config.delivery.channel",
						(r) -> delivery(r, "SLACK", this.slack)),
				unusable("a Slack delivery by an e-mail connection", "config.delivery.connectionId",
						(r) -> delivery(r, "SLACK", this.mail).put("channel", "#marketing")),
				bad("a run delivery with a channel", "config.delivery.channel",
						(r) -> config(r).putObject("delivery").put("kind", "RUN").put("channel", "#x")),
				bad("no model calls", "config.limits.maxModelCalls",
						(r) -> config(r).putObject("limits").put("maxModelCalls", 0)),
				bad("too many model calls", "config.limits.maxModelCalls",
						(r) -> config(r).putObject("limits").put("maxModelCalls", 101)),
				bad("too many tool calls", "config.limits.maxToolCalls",
						(r) -> config(r).putObject("limits").put("maxToolCalls", 201)),
				bad("too few tokens", "config.limits.maxTokens",
						(r) -> config(r).putObject("limits").put("maxTokens", 999)),
				bad("too many tokens", "config.limits.maxTokens",
						(r) -> config(r).putObject("limits").put("maxTokens", 1_000_001)),
				bad("no settings", "config", (r) -> r.remove("config")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSettings")
	void createWhenSettingsBadThenProblemNamingTheFieldAndNothingStored(String what, int status, String field,
			Consumer<ObjectNode> spoil) throws Exception {
		long agents = rows("agent");
		long versions = rows("agent_version");
		ObjectNode request = analyst();
		((ObjectNode) request.get("config")).put("name", "Spoilt " + UUID.randomUUID());
		spoil.accept(request);
		create(request).andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.field").value(field));
		assertThat(rows("agent")).isEqualTo(agents);
		assertThat(rows("agent_version")).isEqualTo(versions);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSettings")
	void updateWhenSettingsBadThenProblemNamingTheFieldAndNoVersion(String what, int status, String field,
			Consumer<ObjectNode> spoil) throws Exception {
		ObjectNode request = analyst();
		spoil.accept(request);
		update(this.existing, request).andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.field").value(field));
		assertThat(rows("agent_version")).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badKeys")
	void createWhenKeyBadThenProblemNamingTheKey(String key) throws Exception {
		ObjectNode request = analyst();
		request.put("key", key);
		create(request).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("key"));
	}

	static Stream<String> badKeys() {
		return Stream.of("Campaign", "1st-agent", "two--dashes", "trailing-", "with space", "x".repeat(64));
	}

	/** Settings malformed or out of bounds: 400. */
	private static Arguments bad(String what, String field, Consumer<ObjectNode> spoil) {
		return Arguments.of(what, 400, field, spoil);
	}

	/** Well-formed settings naming a connection they cannot use: 422. */
	private static Arguments unusable(String what, String field, Consumer<ObjectNode> spoil) {
		return Arguments.of(what, 422, field, spoil);
	}

	private static ObjectNode config(ObjectNode request) {
		return (ObjectNode) request.get("config");
	}

	private static ObjectNode model(ObjectNode request) {
		return (ObjectNode) request.at("/config/model");
	}

	private static ObjectNode tool(ObjectNode request) {
		return (ObjectNode) request.at("/config/tools/0");
	}

	private static void schedule(ObjectNode request, String cron, String timeZone) {
		ObjectNode schedule = config(request).putObject("schedule");
		schedule.put("cron", cron);
		schedule.put("timeZone", timeZone);
	}

	private static ObjectNode delivery(ObjectNode request, String kind, UUID connection) {
		return config(request).putObject("delivery").put("kind", kind).put("connectionId", connection.toString());
	}

}
