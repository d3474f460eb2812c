package io.brain.api.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.brain.api.rule.RuleFixtures.action;
import static io.brain.api.rule.RuleFixtures.condition;
import static io.brain.api.rule.RuleFixtures.conditions;
import static io.brain.api.rule.RuleFixtures.http;
import static io.brain.api.rule.RuleFixtures.rule;
import static io.brain.api.rule.RuleFixtures.save;
import static io.brain.api.rule.RuleFixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Automations made with the rule list, on real PostgreSQL and the in-process engine: a
 * scheduled rule keeps its schedule, a webhook rule points its listener, and a rule with
 * a problem is refused naming its field with nothing stored. The run of a webhook rule
 * with the real workers is in {@code FlowIntegrationTests}.
 */
class AutomationRuleTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String SECRET = "gh_rules_secret_0123456789abcdef";

	@Test
	void webhookRuleWhenPreviewedAndSavedThenItsDiagramPassesTheChecksAndItsListenerStartsIt() throws Exception {
		String tenant = "rules-a";
		plainAutomation(tenant, "placeholder");
		String listenerId = listener(tenant, "Orders", "placeholder").at("/listener/id").asText();
		Map<String, Object> rule = rule(webhook(listenerId),
				conditions("ALL", condition("webhook.payload.amount", "GREATER_THAN", 100)),
				http("POST", "https://hooks.example.com/orders", "=webhook.payload"));

		JsonNode preview = json(this.mvc
			.perform(post("/api/automation-rules/preview").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("name", "Big orders", "rule", rule))))
			.andExpect(status().isOk()));
		assertThat(preview.get("problems")).isEmpty();
		assertThat(preview.get("bpmnXml").asText()).contains("zeebe:modelerTemplate=\"io.brain.http\"",
				"Webhook “Orders” arrives", "Condition not met", "<bpmndi:BPMNShape");
		assertThat(automations(tenant)).isEqualTo(1);

		this.mvc
			.perform(post("/api/automation-rules").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("big-orders", "Big orders", rule)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.key").value("big-orders"))
			.andExpect(jsonPath("$.latestVersion").value(1));
		this.mvc.perform(get("/api/webhooks/{id}", listenerId).with(editor(tenant)))
			.andExpect(jsonPath("$.automationKey").value("big-orders"));
		this.mvc.perform(get("/api/automations/big-orders/versions/1").with(editor(tenant)))
			.andExpect(jsonPath("$.fromRule").value(true))
			.andExpect(jsonPath("$.bpmnXml", containsString("io.brain:http-request:1")));
		this.mvc.perform(get("/api/automations/big-orders/versions/1/rule").with(editor(tenant)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.when.type").value("WEBHOOK"))
			.andExpect(jsonPath("$.when.listenerId").value(listenerId))
			.andExpect(jsonPath("$.if.match").value("ALL"))
			.andExpect(jsonPath("$.if.conditions[0].value").value(100))
			.andExpect(jsonPath("$.then[0].inputs['send:url']").value("https://hooks.example.com/orders"));
		this.mvc.perform(post("/api/automations/big-orders/versions/1/deployment").with(editor(tenant)))
			.andExpect(status().isOk());
	}

	@Test
	void scheduledRuleWhenSavedThenItsScheduleIsCreatedReplacedAndRemovedWithTheTrigger() throws Exception {
		String tenant = "rules-b";
		Map<String, Object> monday = Map.of("type", "SCHEDULE", "schedule",
				Map.of("rule", Map.of("every", "MONDAY", "at", "09:00"), "timeZone", "Europe/Berlin"));
		this.mvc
			.perform(post("/api/automation-rules").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Monday digest", rule(monday, null, http("GET", "https://example.com", null)))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.key").value("monday-digest"));
		JsonNode schedules = json(
				this.mvc.perform(get("/api/automations/monday-digest/schedules").with(editor(tenant))));
		assertThat(schedules).hasSize(1);
		String id = schedules.get(0).get("id").asText();
		assertThat(schedules.get(0).get("name").asText()).isEqualTo("Rule trigger");
		assertThat(schedules.get(0).get("description").asText()).isEqualTo("Every Monday at 09:00 (Europe/Berlin)");
		this.mvc.perform(get("/api/automations/monday-digest/versions/1").with(editor(tenant)))
			.andExpect(jsonPath("$.bpmnXml", containsString("name=\"Every Monday at 09:00 (Europe/Berlin)\"")));

		Map<String, Object> daily = Map.of("type", "SCHEDULE", "schedule",
				Map.of("cron", "0 7 * * *", "timeZone", "America/New_York"));
		this.mvc
			.perform(put("/api/automations/monday-digest/rule").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Monday digest", rule(daily, null, http("GET", "https://example.com", null)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.fromRule").value(true));
		this.mvc.perform(get("/api/automations/monday-digest/schedules").with(editor(tenant)))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].cron").value("0 0 7 * * *"))
			.andExpect(jsonPath("$[0].timeZone").value("America/New_York"));

		this.mvc
			.perform(put("/api/automations/monday-digest/rule").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Monday digest",
						rule(Map.of("type", "MANUAL"), null, http("GET", "https://example.com", null)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(3));
		this.mvc.perform(get("/api/automations/monday-digest/schedules").with(editor(tenant)))
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void ruleWhenInputIsBadThen400NamesTheFieldAndNothingIsStored() throws Exception {
		String tenant = "rules-c";
		Map<String, Object> slackWithoutChannel = action("io.brain.slack", null, Map.of("post-message:text", "Hi"));
		refused(tenant, rule(Map.of("type", "MANUAL"), null, slackWithoutChannel))
			.andExpect(jsonPath("$.field").value("rule.then[0].connectionId"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("rule.then[0].inputs.post-message:channel")))
			.andExpect(jsonPath("$.problems[?(@.field == 'rule.then[0].inputs.post-message:channel')].elementId")
				.value(hasItem("Action_1")))
			.andExpect(jsonPath("$.problems[?(@.field == 'rule.then[0].inputs.post-message:channel')].message")
				.value(hasItem("Slack: Post message: Channel is required.")));
		refused(tenant,
				rule(Map.of("type", "MANUAL"),
						conditions("ANY", condition("webhook.payload.amount) or (true", "EQUALS", "x")),
						http("GET", "https://example.com", null)))
			.andExpect(jsonPath("$.field").value("rule.if.conditions[0].field"));
		refused(tenant,
				rule(Map.of("type", "MANUAL"), conditions("ALL", condition("amount", "GREATER_THAN", "lots")),
						http("GET", "https://example.com", null)))
			.andExpect(jsonPath("$.field").value("rule.if.conditions[0].value"));
		refused(tenant, rule(Map.of("type", "MANUAL"), null, action("io.brain.fax", null, Map.of())))
			.andExpect(jsonPath("$.field").value("rule.then[0].templateId"));
		refused(tenant,
				rule(Map.of("type", "SCHEDULE", "schedule", Map.of("cron", "0 9 * * MON", "timeZone", "Mars/Base")),
						null, http("GET", "https://example.com", null)))
			.andExpect(jsonPath("$.field").value("rule.when.schedule.timeZone"));
		refused(tenant,
				rule(Map.of("type", "SCHEDULE", "schedule",
						Map.of("rule", Map.of("every", "MONDAY", "at", "25:00"), "timeZone", "Europe/Berlin")), null,
						http("GET", "https://example.com", null)))
			.andExpect(jsonPath("$.field").value("rule.when.schedule.rule.at"));
		refused(tenant, rule(Map.of("type", "WEBHOOK"), null, http("GET", "https://example.com", null)))
			.andExpect(jsonPath("$.field").value("rule.when.listenerId"));
		refused(tenant, rule(Map.of("type", "MANUAL"), null, List.of()))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("rule.then")));
		assertThat(automations(tenant)).isZero();
		assertThat(schedules(tenant)).isZero();

		// A refused new version leaves the automation, its versions and its schedule as
		// they were.
		Map<String, Object> monday = Map.of("type", "SCHEDULE", "schedule",
				Map.of("rule", Map.of("every", "MONDAY", "at", "09:00"), "timeZone", "Europe/Berlin"));
		this.mvc
			.perform(post("/api/automation-rules").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("kept", "Kept", rule(monday, null, http("GET", "https://example.com", null)))))
			.andExpect(status().isCreated());
		this.mvc
			.perform(put("/api/automations/kept/rule").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Renamed", rule(Map.of("type", "MANUAL"), null, slackWithoutChannel))))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/automations/kept").with(editor(tenant)))
			.andExpect(jsonPath("$.name").value("Kept"))
			.andExpect(jsonPath("$.latestVersion").value(1));
		this.mvc.perform(get("/api/automations/kept/schedules").with(editor(tenant)))
			.andExpect(jsonPath("$[0].description").value("Every Monday at 09:00 (Europe/Berlin)"));
	}

	@Test
	void ruleWhenListenerOrConnectionIsAnotherTenantsThenRefusedAndNothingChanges() throws Exception {
		String other = "rules-other";
		plainAutomation(other, "theirs");
		String theirListener = listener(other, "Their orders", "theirs").at("/listener/id").asText();
		UUID theirSlack = connection(other, "slack", "their-slack");
		String tenant = "rules-d";
		UUID ourBlog = connection(tenant, "wordpress", "our-blog");
		UUID ourSlack = connection(tenant, "slack", "our-slack");
		Map<String, Object> post = Map.of("post-message:channel", "#orders", "post-message:text", "New order");

		refused(tenant, rule(webhook(theirListener), null, http("GET", "https://example.com", null)))
			.andExpect(jsonPath("$.field").value("rule.when.listenerId"));
		refused(tenant, rule(Map.of("type", "MANUAL"), null, action("io.brain.slack", theirSlack, post)))
			.andExpect(jsonPath("$.field").value("rule.then[0].connectionId"))
			.andExpect(jsonPath("$.detail", containsString("no connection")));
		refused(tenant, rule(Map.of("type", "MANUAL"), null, action("io.brain.slack", ourBlog, post)))
			.andExpect(jsonPath("$.field").value("rule.then[0].connectionId"))
			.andExpect(jsonPath("$.detail", containsString("needs a Slack one")));
		assertThat(automations(tenant)).isZero();
		this.mvc.perform(get("/api/webhooks/{id}", theirListener).with(editor(other)))
			.andExpect(jsonPath("$.automationKey").value("theirs"));

		JsonNode preview = json(this.mvc
			.perform(post("/api/automation-rules/preview").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("rule",
						rule(Map.of("type", "MANUAL"), null, action("io.brain.slack", ourSlack, post))))))
			.andExpect(status().isOk()));
		assertThat(preview.get("problems")).isEmpty();
		assertThat(preview.get("bpmnXml").asText()).contains("source=\"our-slack\" target=\"connection\"");
	}

	@Test
	void webhookRuleWhenCallerMayNotManageWebhooksThenForbidden() throws Exception {
		String tenant = "rules-e";
		plainAutomation(tenant, "placeholder");
		String listenerId = listener(tenant, "Orders", "placeholder").at("/listener/id").asText();
		RequestPostProcessor writerOnly = jwt()
			.jwt((token) -> token.subject("writer-id")
				.claim("preferred_username", "writer")
				.claim("tenant_id", tenant)
				.claim("permissions", List.of("automations:read", "automations:write")))
			.authorities(new SimpleGrantedAuthority("automations:read"),
					new SimpleGrantedAuthority("automations:write"));

		this.mvc
			.perform(post("/api/automation-rules").with(writerOnly)
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("sneaky", "Sneaky",
						rule(webhook(listenerId), null, http("GET", "https://example.com", null)))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.field").value("rule.when.listenerId"));
		this.mvc.perform(get("/api/webhooks/{id}", listenerId).with(editor(tenant)))
			.andExpect(jsonPath("$.automationKey").value("placeholder"));
		this.mvc.perform(get("/api/automations/placeholder/versions/1/rule").with(editor(tenant)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("diagram editor")));
	}

	private ResultActions refused(String tenant, Map<String, Object> rule) throws Exception {
		return this.mvc
			.perform(post("/api/automation-rules").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Refused", rule)))
			.andExpect(status().isBadRequest());
	}

	private void plainAutomation(String tenant, String key) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", key);
		body.put("name", "Flow " + key);
		body.put("bpmnXml", Bpmn.convertToString(Bpmn.createExecutableProcess("p").startEvent().endEvent().done()));
		this.mvc
			.perform(post("/api/automations").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(body)))
			.andExpect(status().isCreated());
	}

	private JsonNode listener(String tenant, String name, String automationKey) throws Exception {
		return json(
				this.mvc
					.perform(post("/api/webhooks").with(editor(tenant))
						.contentType(MediaType.APPLICATION_JSON)
						.content(JSON.writeValueAsString(Map.of("name", name, "provider", "GITHUB", "automationKey",
								automationKey, "secret", SECRET))))
					.andExpect(status().isCreated()));
	}

	private UUID connection(String tenant, String type, String name) {
		UUID id = UUID.randomUUID();
		TenantContext.run(tenant, () -> this.jdbc.sql("""
				insert into connector_connection (id, tenant_id, type, name, config, created_by)
				values (:id, :tenant, :type, :name, '{}'::jsonb, 'test')
				""").param("id", id).param("tenant", tenant).param("type", type).param("name", name).update());
		return id;
	}

	private long automations(String tenant) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from automation").query(Long.class).single());
	}

	private long schedules(String tenant) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from automation_schedule").query(Long.class).single());
	}

	static JsonNode json(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

	static RequestPostProcessor editor(String tenant) {
		return TestTokens.user(tenant, "editor");
	}

}
