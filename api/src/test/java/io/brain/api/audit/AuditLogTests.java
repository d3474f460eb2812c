package io.brain.api.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditLog;
import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuditLogTests extends ApiTestContext {

	@Autowired
	ObjectMapper json;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void mutationWhenMadeThenExactlyOneRowWithActorOutcomeAndRequestId() throws Exception {
		String tenant = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		List<MockHttpServletRequestBuilder> mutations = List.of(
				post("/api/api-keys").contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"audited\",\"permissions\":[\"runs:read\"]}"),
				delete("/api/api-keys/" + UUID.randomUUID()),
				post("/api/deployments").contentType(MediaType.APPLICATION_JSON)
					.content("{\"resourceName\":\"x.bpmn\",\"bpmnXml\":\"<not-bpmn\"}"),
				post("/api/runs").contentType(MediaType.APPLICATION_JSON).content("{\"processId\":\"none\"}"),
				post("/api/users").contentType(MediaType.APPLICATION_JSON)
					.content(
							"{\"username\":\"u1\",\"email\":\"u1@example.com\",\"firstName\":\"U\",\"lastName\":\"One\",\"role\":\"viewer\"}"),
				put("/api/users/x/roles").contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"viewer\"]}"),
				delete("/api/users/x"));
		for (MockHttpServletRequestBuilder mutation : mutations) {
			String requestId = UUID.randomUUID().toString();
			this.mvc.perform(mutation.header("X-Request-Id", requestId).with(TestTokens.user(tenant, "tenant-admin")))
				.andExpect(header().string("X-Request-Id", requestId));
			List<Map<String, Object>> rows = TenantContext.call(tenant,
					() -> this.jdbc.sql("select * from audit_log where request_id = :id")
						.param("id", requestId)
						.query()
						.listOfRows());
			assertThat(rows).as("audit rows of %s", requestId).singleElement().satisfies((row) -> {
				assertThat(row).containsEntry("actor_name", tenant + "-tenant-admin")
					.containsEntry("actor_kind", "USER")
					.containsEntry("tenant_id", tenant);
				assertThat(row.get("outcome")).isIn("SUCCESS", "FAILURE");
			});
		}
	}

	@Test
	void mutationWhenRefusedThenAuditedAsDenied() throws Exception {
		String requestId = UUID.randomUUID().toString();
		this.mvc
			.perform(post("/api/tenants").header("X-Request-Id", requestId)
				.with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"nope\",\"name\":\"Nope\"}"))
			.andExpect(status().isForbidden());
		Map<String, Object> row = TenantContext.call("acme",
				() -> this.jdbc.sql("select * from audit_log where request_id = :id")
					.param("id", requestId)
					.query()
					.singleRow());
		assertThat(row).containsEntry("outcome", "DENIED")
			.containsEntry("action", "tried to create tenant 'Nope'")
			.containsEntry("target_type", "tenant");
	}

	@Test
	void mutationWhenBodyHasSecretsThenMetadataMasksThem() throws Exception {
		String requestId = UUID.randomUUID().toString();
		this.mvc.perform(patch("/api/tenants/none").header("X-Request-Id", requestId)
			.with(TestTokens.user(null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"status\":\"DISABLED\",\"clientSecret\":\"s3cr3t-value\",\"nested\":{\"password\":\"hunter2\"}}"));
		String metadata = TenantContext.call(TenantContext.PLATFORM,
				() -> this.jdbc.sql("select metadata::text from audit_log where request_id = :id")
					.param("id", requestId)
					.query(String.class)
					.single());
		assertThat(metadata).doesNotContain("s3cr3t-value").doesNotContain("hunter2").contains("****");
	}

	@Test
	void auditLogWhenApplicationUpdatesOrDeletesThenRefused() throws Exception {
		String tenant = "append-only";
		this.mvc.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"a\",\"permissions\":[\"runs:read\"]}"));
		assertThatThrownBy(() -> TenantContext.run(tenant,
				() -> this.jdbc.sql("update audit_log set action = 'rewritten'").update()))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> TenantContext.run(tenant, () -> this.jdbc.sql("delete from audit_log").update()))
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void verifyWhenRowTamperedBySuperuserThenChainBreaksAtThatRow() throws Exception {
		String tenant = "tamper-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"key " + i + "\",\"permissions\":[\"runs:read\"]}"));
		}
		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.rowsChecked").value(3));
		long middle = TenantContext.call(tenant,
				() -> this.jdbc.sql("select id from audit_log order by id offset 1 limit 1")
					.query(Long.class)
					.single());

		try (Connection superuser = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement()) {
			statement.execute("set session_replication_role = replica");
			statement.executeUpdate("update audit_log set actor_name = 'someone else' where id = " + middle);
		}

		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(jsonPath("$.intact").value(false))
			.andExpect(jsonPath("$.firstBrokenId").value(middle));
	}

	@Test
	void writeWhenAnotherWriterOfTheTenantHasNotCommittedThenNeitherWaitsAndBothAreSealedInCommitOrder()
			throws Exception {
		String tenant = "seal-" + UUID.randomUUID().toString().substring(0, 8);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// A thread each: the common pool may have a single one.
		ExecutorService writers = Executors.newCachedThreadPool();
		CompletableFuture<Void> open = CompletableFuture.runAsync(() -> TenantContext.run(tenant,
				() -> new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
					this.auditLog.record(event(tenant, "written first, committed last"));
					written.countDown();
					await(commit);
				})), writers);
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

		// Before decision 0014 this waited for the open transaction's commit.
		CompletableFuture
			.runAsync(() -> this.auditLog.record(event(tenant, "written second, committed first")), writers)
			.get(5, TimeUnit.SECONDS);
		this.auditLog.seal(1000, true);
		commit.countDown();
		open.get(10, TimeUnit.SECONDS);
		writers.shutdown();

		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.rowsChecked").value(2));
		List<Map<String, Object>> chain = TenantContext.call(tenant,
				() -> this.jdbc
					.sql("select action, chain_position, previous_hash, hash from audit_log order by chain_position")
					.query()
					.listOfRows());
		assertThat(chain).extracting((row) -> row.get("action"))
			.containsExactly("written second, committed first", "written first, committed last");
		assertThat(chain.get(0).get("previous_hash")).isNull();
		assertThat(chain.get(1).get("previous_hash")).isEqualTo(chain.get(0).get("hash"));
	}

	@Test
	void writeWhenWriterSendsChainColumnsThenIgnoredAndRowSealedByTheChain() throws Exception {
		String tenant = "forge-" + UUID.randomUUID().toString().substring(0, 8);
		this.auditLog.record(event(tenant, "first"));
		TenantContext.run(tenant, () -> this.jdbc.sql("""
				insert into audit_log (tenant_id, actor_id, actor_name, actor_kind, action, outcome, chain_position,
				    previous_hash, hash)
				values (:tenant, 'x', 'x', 'SYSTEM', 'forged', 'SUCCESS', 1, null, 'forged-hash')
				""").param("tenant", tenant).update());
		// The sealer may chain the rows at any moment; the forged columns never survive.
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from audit_log where hash = 'forged-hash'")
					.query(Long.class)
					.single()))
			.isZero();

		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.rowsChecked").value(2));
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select chain_position from audit_log where action = 'forged'")
					.query(Long.class)
					.single()))
			.isEqualTo(2);
	}

	@Test
	void updateWhenBySchemaOwnerThenOnlySealingAnUnsealedRowWithItsOwnHashIsAllowed() throws Exception {
		String tenant = "owner-" + UUID.randomUUID().toString().substring(0, 8);
		this.auditLog.record(event(tenant, "sealed"));
		this.auditLog.seal(1000, true);
		this.auditLog.record(event(tenant, "unsealed"));
		try (Connection owner = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = owner.createStatement()) {
			String sealed = "(select id from audit_log where tenant_id = '" + tenant + "' and action = 'sealed')";
			String unsealed = "(select id from audit_log where tenant_id = '" + tenant + "' and action = 'unsealed')";
			assertThatThrownBy(() -> statement
				.executeUpdate("update audit_log set actor_name = 'someone else' where id = " + sealed))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement
				.executeUpdate("update audit_log set hash = null, chain_position = null where id = " + sealed))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate(
					"update audit_log set chain_position = 2, hash = repeat('0', 64) where id = " + unsealed))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("update audit_log set action = 'rewritten', "
					+ "chain_position = 2, hash = repeat('0', 64) where id = " + unsealed))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("delete from audit_log where id = " + unsealed))
				.hasMessageContaining("append-only");
		}
		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.rowsChecked").value(2));
	}

	@Test
	void verifyWhenRowDeletedBySuperuserThenChainBreaksAtTheRowAfterIt() throws Exception {
		String tenant = "removed-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			this.auditLog.record(event(tenant, "row " + i));
		}
		this.auditLog.seal(1000, true);
		try (Connection superuser = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement()) {
			statement.execute("set session_replication_role = replica");
			statement.executeUpdate("delete from audit_log where tenant_id = '" + tenant + "' and action = 'row 1'");
		}
		long last = TenantContext.call(tenant,
				() -> this.jdbc.sql("select id from audit_log where action = 'row 2'").query(Long.class).single());

		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(jsonPath("$.intact").value(false))
			.andExpect(jsonPath("$.firstBrokenId").value(last))
			.andExpect(jsonPath("$.problem").value(containsString("does not link")));
	}

	private static AuditEvent event(String tenant, String action) {
		return new AuditEvent(tenant, "tests", "Tests", AuditEvent.ActorKind.SYSTEM, action, null, null, null, null,
				AuditEvent.Outcome.SUCCESS, Map.of());
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void listWhenFilteredByActionThenPagesNewestFirst() throws Exception {
		String tenant = "filter-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"key " + i + "\",\"permissions\":[\"runs:read\"]}"));
		}
		this.mvc.perform(post("/api/runs").with(TestTokens.user(tenant, "tenant-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"processId\":\"none\"}"));

		String body = this.mvc
			.perform(get("/api/audit").param("action", "created API key")
				.param("size", "2")
				.with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode page = this.json.readTree(body);
		assertThat(page.get("total").asLong()).isEqualTo(3);
		assertThat(page.get("items")).hasSize(2);
		assertThat(page.at("/items/0/id").asLong()).isGreaterThan(page.at("/items/1/id").asLong());

		this.mvc
			.perform(get("/api/audit/export").param("actor", tenant + "-tenant-admin")
				.with(TestTokens.user(tenant, "tenant-admin")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString("POST /api/runs")))
			.andExpect(content().string(containsString("id,occurred_at,actor_id")));
	}

	@Test
	void listWhenPageSizeInvalidThenProblemNamesField() throws Exception {
		this.mvc.perform(get("/api/audit").param("size", "500").with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

}
