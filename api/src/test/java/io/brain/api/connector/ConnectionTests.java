package io.brain.api.connector;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.DatabaseScan;
import io.brain.api.TestTokens;
import io.brain.api.TestWorker;
import io.brain.core.connection.ConnectionSecrets;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.engine.TaskRunner;
import io.brain.engine.TaskSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class ConnectionTests extends ApiTestContext {

	static final String PASSWORD = "wpap PLAINTEXT canary 9f3e";

	@Autowired
	ObjectMapper json;

	@Autowired
	SecretStore secrets;

	@Autowired
	TaskSource tasks;

	@Autowired
	ConnectorTypes types;

	@Test
	void connectorTypesWhenListedThenCarryTheirFormFields() throws Exception {
		this.mvc.perform(get("/api/connector-types").with(TestTokens.user("acme", "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.type == 'wordpress')].fields[?(@.name == 'applicationPassword')].kind")
				.value("SECRET"))
			.andExpect(jsonPath("$[?(@.type == 'http')].actions[0].jobType").value("io.brain:http-request:1"));
		this.mvc.perform(get("/api/connector-types/wordpress").with(TestTokens.user("acme", "viewer")))
			.andExpect(jsonPath("$.fields[0].help").isNotEmpty());
		this.mvc.perform(get("/api/connector-types/myspace").with(TestTokens.user("acme", "viewer")))
			.andExpect(status().isNotFound());
	}

	@Test
	void createWhenValidThenSecretIsWriteOnlyAndNowhereInPlaintext(CapturedOutput output) throws Exception {
		String tenant = "conn-" + UUID.randomUUID().toString().substring(0, 8);
		String body = this.mvc
			.perform(post("/api/connectors").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(wordpress("Blog", "https://blog.example.com", "editor", PASSWORD)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.config.siteUrl").value("https://blog.example.com"))
			.andExpect(jsonPath("$.secrets.applicationPassword").value(true))
			.andExpect(jsonPath("$.status").value("UNTESTED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(body).get("id").asText();
		String read = this.mvc.perform(get("/api/connectors/{id}", id).with(TestTokens.user(tenant, "viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain(PASSWORD);
		assertThat(read).doesNotContain(PASSWORD);
		assertThat(output.getAll()).doesNotContain(PASSWORD);
		assertThat(DatabaseScan.columnsContaining(databaseUrl(), PASSWORD)).isEmpty();
		assertThat(TenantContext.call(tenant,
				() -> this.secrets
					.get(ConnectionSecrets.ref(new TenantId(tenant), UUID.fromString(id), "applicationPassword"))))
			.contains(PASSWORD);
		this.mvc.perform(get("/api/connectors/{id}", id).with(TestTokens.user("globex", "tenant-admin")))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing required field | {"type":"wordpress","name":"A","config":{"siteUrl":"https://a.example","applicationPassword":"x"}} | | config.username
					malformed URL          | {"type":"wordpress","name":"A","config":{"siteUrl":"not a url","username":"u","applicationPassword":"x"}} | | config.siteUrl
					unknown connector type | {"type":"myspace","name":"A","config":{}} | | type
					unknown field          | {"type":"wordpress","name":"A","config":{"siteUrl":"https://a.example","username":"u","applicationPassword":"x","color":"red"}} | | config.color
					secret in query string | {"type":"wordpress","name":"A","config":{"siteUrl":"https://a.example","username":"u"}} | applicationPassword | applicationPassword
					bad name               | {"type":"wordpress","name":"","config":{}} | | name
					""")
	void createWhenInputBadThenProblemNamesFieldAndNothingIsStored(String situation, String body, String queryParameter,
			String field) throws Exception {
		String tenant = "bad-" + UUID.randomUUID().toString().substring(0, 8);
		var request = post("/api/connectors").with(TestTokens.user(tenant, "editor"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (queryParameter != null) {
			request.queryParam(queryParameter, "leaked-secret");
		}
		this.mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from connector_connection").query(Long.class).single()))
			.isZero();
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from secret").query(Long.class).single()))
			.isZero();
	}

	@Test
	void updateWhenSecretLeftOutThenItIsKeptAndDeleteRemovesIt() throws Exception {
		String tenant = "upd-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = this.json.readTree(this.mvc
			.perform(post("/api/connectors").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(wordpress("Blog", "https://blog.example.com", "editor", "first-password")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String id = created.get("id").asText();

		this.mvc
			.perform(put("/api/connectors/{id}", id).with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("type", "wordpress", "name", "Main blog", "config",
						Map.of("siteUrl", "https://www.example.com", "username", "editor")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Main blog"))
			.andExpect(jsonPath("$.secrets.applicationPassword").value(true));
		this.mvc
			.perform(put("/api/connectors/{id}", id).with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"http\",\"name\":\"Main blog\",\"config\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("type"));

		this.mvc.perform(delete("/api/connectors/{id}", id).with(TestTokens.user(tenant, "editor")))
			.andExpect(status().isNoContent());
		assertThat(TenantContext.call(tenant,
				() -> this.secrets
					.exists(ConnectionSecrets.ref(new TenantId(tenant), UUID.fromString(id), "applicationPassword"))))
			.isFalse();
		this.mvc.perform(get("/api/connectors/{id}", id).with(TestTokens.user(tenant, "editor")))
			.andExpect(status().isNotFound());
	}

	@Test
	void testConnectionWhenRepeatedThenDeploysItsProcessOnce() throws Exception {
		String tenant = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		String id = this.json.readTree(this.mvc
			.perform(post("/api/connectors").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(wordpress("Blog", "https://blog.example.com", "editor", "probe-password")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
		// Stands in for the engine workers, which do not run with the api's tests.
		try (TaskRunner workers = TestWorker.open(this.tasks,
				this.types.find("wordpress").orElseThrow().actions().get(0).jobType(),
				(task) -> new TaskRunner.TaskOutcome.Completed(
						Map.of("result", Map.of("ok", true, "message", "Ran " + task.processId()))))) {
			probe(tenant, id, "brain-wordpress-test-connection");
			probe(tenant, id, "brain-wordpress-test-connection");
			assertThat(TenantContext.call(tenant, () -> this.jdbc
				.sql("select count(*) from process_deployment where process_id = 'brain-wordpress-test-connection'")
				.query(Integer.class)
				.single())).isOne();
		}
	}

	private void probe(String tenant, String id, String process) throws Exception {
		this.mvc.perform(post("/api/connectors/{id}/test", id).with(TestTokens.user(tenant, "editor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OK"))
			.andExpect(jsonPath("$.statusMessage").value("Ran " + process));
	}

	private String wordpress(String name, String siteUrl, String username, String password) throws Exception {
		return this.json.writeValueAsString(Map.of("type", "wordpress", "name", name, "config",
				Map.of("siteUrl", siteUrl, "username", username, "applicationPassword", password)));
	}

}
