package io.brain.api.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit rows of requests through the api: written with the change they record, or not
 * at all, and saying in words who did what to which object.
 */
class RequestAuditTests extends ApiTestContext {

	private static final Set<RequestMethod> MUTATIONS = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void mutationWhenItsAuditRowCannotBeWrittenThenTheChangeIsNotCommitted() throws Exception {
		String tenant = "atomic-" + UUID.randomUUID().toString().substring(0, 8);
		String marker = "unrecordable-" + UUID.randomUUID().toString().substring(0, 8);
		// Whatever makes the audit insert fail after the change (here the database
		// refuses
		// rows that carry the marker), the change must go with it.
		try (Connection owner = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = owner.createStatement()) {
			statement.execute("""
					create function refuse_marked_audit_row() returns trigger language plpgsql as $$
					begin
					    if new.metadata::text like '%%%1$s%%' then
					        raise exception 'audit row refused';
					    end if;
					    return new;
					end $$""".formatted(marker));
			statement.execute("create trigger audit_log_refuse_marked before insert on audit_log "
					+ "for each row execute function refuse_marked_audit_row()");
		}
		try {
			String requestId = UUID.randomUUID().toString();
			this.mvc
				.perform(post("/api/api-keys").header("X-Request-Id", requestId)
					.with(TestTokens.user(tenant, "tenant-admin"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"" + marker + "\",\"permissions\":[\"runs:read\"]}"))
				.andExpect(status().isInternalServerError())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().string("X-Request-Id", requestId))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Nothing was changed")))
				.andExpect(jsonPath("$.key").doesNotExist());
		}
		finally {
			try (Connection owner = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
					Statement statement = owner.createStatement()) {
				statement.execute("drop trigger audit_log_refuse_marked on audit_log");
				statement.execute("drop function refuse_marked_audit_row()");
			}
		}
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from api_key where name = :name")
					.param("name", marker)
					.query(Long.class)
					.single()))
			.as("API keys created without their audit row")
			.isZero();

		// With the audit log working again, the same request commits both.
		this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + marker + "\",\"permissions\":[\"runs:read\"]}"))
			.andExpect(status().isCreated());
		assertThat(TenantContext.call(tenant, () -> this.jdbc.sql("""
				select count(*) from api_key k join audit_log a on a.target_id = k.id::text
				where k.name = :name and a.outcome = 'SUCCESS'
				""").param("name", marker).query(Long.class).single())).isEqualTo(1);
	}

	@Test
	void mutationWhenAnsweredWithAnErrorThenNothingIsKeptAndTheRowSaysItFailed() throws Exception {
		String tenant = "failed-" + UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/api/automations").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Broken\",\"bpmnXml\":\"<not-bpmn\"}"))
			.andExpect(status().isBadRequest());
		Map<String, Object> row = TenantContext.call(tenant,
				() -> this.jdbc.sql("select * from audit_log where tenant_id = :tenant")
					.param("tenant", tenant)
					.query()
					.singleRow());
		assertThat(row).containsEntry("outcome", "FAILURE")
			.containsEntry("action", "tried to create automation 'Broken'")
			.containsEntry("target_type", "automation");
		assertThat(row.get("metadata").toString()).contains("\"reason\"");
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from automation").query(Long.class).single()))
			.isZero();
	}

	@Test
	void mutationWhenMadeThenTheRowSaysWhoDidWhatToWhichObjectInWords() throws Exception {
		String tenant = "words-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode key = this.json.readTree(this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"ci\",\"permissions\":[\"runs:read\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String keyId = key.at("/apiKey/id").asText();
		this.mvc.perform(delete("/api/api-keys/{id}", keyId).with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(status().is2xxSuccessful());

		this.mvc
			.perform(post("/api/automations").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("name", "Order sync", "bpmnXml",
						Bpmn.convertToString(
								Bpmn.createExecutableProcess("order_sync").startEvent().endEvent().done())))))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/automations/order-sync/versions/1/deployment").with(TestTokens.user(tenant, "editor")))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/webhooks").with(TestTokens.user(tenant, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("name", "Orders", "provider", "GITHUB", "automationKey",
						"order-sync", "secret", "gh_words_secret_0123456789abcdef"))))
			.andExpect(status().isCreated());

		JsonNode page = this.json.readTree(
				this.mvc.perform(get("/api/audit").param("size", "10").with(TestTokens.user(tenant, "tenant-admin")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(page.get("items"))
			.extracting((item) -> item.get("actorName").asText() + " " + item.get("action").asText() + " ["
					+ item.get("targetType").asText() + "]")
			.containsExactly(tenant + "-tenant-admin created webhook listener 'Orders' [webhook listener]",
					tenant + "-editor deployed automation 'Order sync' version 1 [automation]",
					tenant + "-editor created automation 'Order sync' [automation]",
					tenant + "-tenant-admin revoked API key 'ci' [API key]",
					tenant + "-tenant-admin created API key 'ci' [API key]");
		JsonNode created = page.at("/items/4");
		assertThat(created.get("targetId").asText()).isEqualTo(keyId);
		assertThat(created.get("targetName").asText()).isEqualTo("ci");
		assertThat(created.get("outcome").asText()).isEqualTo("SUCCESS");
		assertThat(created.toString()).doesNotContain(key.get("key").asText());
		assertThat(page.at("/items/2/targetId").asText()).isEqualTo("order-sync");
		JsonNode listener = page.at("/items/0/metadata/fields");
		assertThat(listener.get("automationKey").asText()).isEqualTo("order-sync");
		assertThat(listener.get("secret").asText()).isEqualTo("****");

		// Filtered by object: the key's life, and nothing else.
		this.mvc
			.perform(get("/api/audit").param("targetType", "API key")
				.param("targetId", keyId)
				.with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].action").value("revoked API key 'ci'"))
			.andExpect(jsonPath("$.items[0].targetId").value(keyId));
		// Rows with names chain and verify as the others.
		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.rowsChecked").value(5));
	}

	@Test
	void actionWhenItsChangesRunLongThenCutToTheColumnAndMarked() {
		String sentence = "updated agent 'A': " + "changed the role; ".repeat(40);
		assertThat(RequestAudit.bounded(sentence)).hasSize(RequestAudit.MAX_ACTION).endsWith("\u2026");
		assertThat(RequestAudit.bounded("updated agent 'A': changed the role"))
			.isEqualTo("updated agent 'A': changed the role");
	}

	@Test
	void everyMutatingEndpointHasWordsForItsAuditRow() {
		this.handlers.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getMethodsCondition()
				.getMethods()
				.stream()
				.filter(MUTATIONS::contains)
				.forEach((method) -> mapping.getPatternValues()
					.forEach((pattern) -> assertThat(AuditedActions.of(method + " " + pattern))
						.as("words for %s %s", method, pattern)
						.isPresent())));
	}

}
