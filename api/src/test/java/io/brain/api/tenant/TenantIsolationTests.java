package io.brain.api.tenant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.database.EmbeddedDatabase;
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

	/**
	 * Every table with a tenant column, as the database lists them (not as a list kept
	 * here), holds a row of each of two tenants; as the application's role each table
	 * then shows nothing without a tenant, only the session's tenant's row with one, and
	 * no statement reaches the other tenant's row. Runs in one transaction rolled back at
	 * the end, so the seeded rows never meet the api's background work.
	 */
	@Test
	void everyTenantTableWhenBothTenantsHaveARowThenTheApplicationRoleSeesOnlyTheSessionsTenant() throws Exception {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			try {
				List<String> tables = TenantTables.withTenantColumn(connection);
				assertThat(tables).hasSizeGreaterThanOrEqualTo(20);
				assertThat(TenantTables.withoutForcedRowLevelSecurity(connection, tables))
					.as("tenant tables without forced row-level security")
					.isEmpty();
				for (String table : tables) {
					TenantTables.seed(connection, table, "iso-acme");
					TenantTables.seed(connection, table, "iso-globex");
				}
				statement.execute("set local role brain_app");
				for (String table : tables) {
					assertThat(count(statement, "select count(*) from " + table)).as("%s without a tenant", table)
						.isZero();
				}
				statement.execute("select set_config('brain.tenant_id', 'iso-acme', true)");
				for (String table : tables) {
					assertThat(count(statement, "select count(*) from " + table + " where tenant_id = 'iso-acme'"))
						.as("%s: the session's tenant's row", table)
						.isEqualTo(1);
					assertThat(count(statement, "select count(*) from " + table + " where tenant_id <> 'iso-acme'"))
						.as("%s: other tenants' rows", table)
						.isZero();
					if (count(statement, "select count(*) where has_table_privilege('" + table + "', 'UPDATE')") == 1) {
						assertThat(statement.executeUpdate(
								"update " + table + " set tenant_id = tenant_id where tenant_id = 'iso-globex'"))
							.as("%s: rows of another tenant updated", table)
							.isZero();
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static long count(Statement statement, String sql) throws Exception {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
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
