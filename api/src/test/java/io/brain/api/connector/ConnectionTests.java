package io.brain.api.connector;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.DatabaseScan;
import io.brain.api.TestTokens;
import io.brain.core.connection.ConnectionSecrets;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantNamespace;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.DeleteResourceResponse;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.DeploymentIntent;
import io.camunda.zeebe.protocol.record.intent.ResourceDeletionIntent;
import io.camunda.zeebe.protocol.record.value.ResourceDeletionRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.ProcessMetadataValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
	CamundaClient zeebe;

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
	void testConnectionWhenRepeatedThenDeploysItsProcessOnceAndAgainOnlyWhenTheEngineForgotIt() throws Exception {
		String tenant = "probe-" + UUID.randomUUID().toString().substring(0, 8);
		String id = this.json.readTree(this.mvc
			.perform(post("/api/connectors").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(wordpress("Blog", "https://blog.example.com", "editor", "probe-password")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
		String process = TenantNamespace.engineId(new TenantId(tenant), "brain-wordpress-test-connection");
		// Stands in for the engine workers, which do not run with the api's tests.
		try (JobWorker workers = this.zeebe.newWorker()
			.jobType(this.types.find("wordpress").orElseThrow().actions().get(0).jobType())
			.handler((client, job) -> client.newCompleteCommand(job)
				.variables(Map.of("result", Map.of("ok", true, "message", "Ran " + job.getBpmnProcessId())))
				.send()
				.join())
			.open()) {
			probe(tenant, id, process);
			probe(tenant, id, process);
			assertThat(deployments(process)).hasSize(1);

			forget(deployments(process).get(0));
			probe(tenant, id, process);
			List<Long> deployed = deployments(process);
			assertThat(deployed).hasSize(2);
			assertThat(deployed.get(1)).isNotEqualTo(deployed.get(0));
			probe(tenant, id, process);
			assertThat(deployments(process)).hasSize(2);
		}
	}

	private void probe(String tenant, String id, String process) throws Exception {
		this.mvc.perform(post("/api/connectors/{id}/test", id).with(TestTokens.user(tenant, "editor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OK"))
			.andExpect(jsonPath("$.statusMessage").value("Ran " + process));
	}

	/**
	 * Deletes a process definition from the engine. The in-process engine carries a
	 * deletion out but never answers it, so this waits for the engine's record instead.
	 */
	private void forget(long definition) {
		CamundaFuture<DeleteResourceResponse> deletion = this.zeebe.newDeleteResourceCommand(definition).send();
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> StreamSupport
					.stream(RecordStream.of(engine.getRecordStreamSource()).records().spliterator(), false)
					.anyMatch((record) -> record.getValueType() == ValueType.RESOURCE_DELETION
							&& record.getIntent() == ResourceDeletionIntent.DELETED
							&& ((ResourceDeletionRecordValue) record.getValue()).getResourceKey() == definition));
		}
		finally {
			deletion.cancel(true);
		}
	}

	/**
	 * The definition key the engine answered each deployment of a process with, in order.
	 */
	private static List<Long> deployments(String process) {
		return StreamSupport
			.stream(RecordStream.of(engine.getRecordStreamSource()).deploymentRecords().spliterator(), false)
			.filter((record) -> record.getIntent() == DeploymentIntent.CREATED)
			.flatMap((record) -> record.getValue().getProcessesMetadata().stream())
			.filter((deployed) -> deployed.getBpmnProcessId().equals(process))
			.map(ProcessMetadataValue::getProcessDefinitionKey)
			.toList();
	}

	private String wordpress(String name, String siteUrl, String username, String password) throws Exception {
		return this.json.writeValueAsString(Map.of("type", "wordpress", "name", name, "config",
				Map.of("siteUrl", siteUrl, "username", username, "applicationPassword", password)));
	}

}
