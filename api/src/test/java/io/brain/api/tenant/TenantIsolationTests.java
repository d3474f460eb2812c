package io.brain.api.tenant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Row-level security as the application's database role: without a tenant nothing shows,
 * with a tenant only its rows do, and no statement can write another tenant's rows.
 */
class TenantIsolationTests extends ApiTestContext {

	static final List<String> TENANT_TABLES = List.of("process_deployment", "run", "api_key", "audit_log",
			"webhook_listener", "webhook_delivery", "run_instance", "run_step", "run_job", "run_incident",
			"run_variable", "run_definition");

	@BeforeEach
	void bothTenantsHaveData() throws Exception {
		for (String tenant : List.of("acme", "globex")) {
			this.mvc
				.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"isolation\",\"permissions\":[\"runs:read\"]}"))
				.andExpect(status().isCreated());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "api_key", "audit_log" })
	void selectWhenNoTenantSetThenNoRows(String table) {
		assertThat(TenantContext.call("acme",
				() -> this.jdbc.sql("select count(*) from " + table).query(Long.class).single()))
			.isPositive();
		assertThat(this.jdbc.sql("select count(*) from " + table).query(Long.class).single()).isZero();
	}

	@Test
	void selectWhenNoTenantSetThenEveryTenantTableIsEmptyToTheApplicationRole() throws Exception {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "brain_app", "");
				Statement statement = connection.createStatement()) {
			for (String table : TENANT_TABLES) {
				try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
					rows.next();
					assertThat(rows.getLong(1)).as(table).isZero();
				}
			}
		}
	}

	@Test
	void selectWhenTenantSetThenOnlyItsRows() {
		List<String> seen = TenantContext.call("acme",
				() -> this.jdbc.sql("select distinct tenant_id from api_key").query(String.class).list());
		assertThat(seen).containsExactly("acme");
	}

	@Test
	void insertWhenRowNamesAnotherTenantThenRefused() {
		assertThatThrownBy(() -> TenantContext.run("acme", () -> this.jdbc.sql("""
				insert into api_key (id, tenant_id, name, prefix, key_hash, permissions, created_by)
				values (gen_random_uuid(), 'globex', 'sneaky', 'brk_x', 'h' || gen_random_uuid(), '{}', 'acme-admin')
				""").update())).rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void updateWhenRowsOfAnotherTenantThenNothingChanges() {
		int changed = TenantContext.call("acme",
				() -> this.jdbc.sql("update api_key set name = 'taken' where tenant_id = 'globex'").update());
		assertThat(changed).isZero();
	}

	@Test
	void applicationRoleCannotBypassRowLevelSecurity() {
		assertThat(this.jdbc.sql("select rolbypassrls or rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void listWhenOtherTenantHasKeysThenOnlyOwnAreListed() throws Exception {
		String body = this.mvc.perform(get("/api/api-keys").with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("isolation").doesNotContain("globex");
	}

}
