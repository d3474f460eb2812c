package io.brain.core.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.database.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections of a pool of one, so every borrow gets the same PostgreSQL session: what a
 * borrow sees follows the tenant of that borrow, whatever the one before stated.
 */
class TenantScopedDataSourceTests {

	private static String url;

	@BeforeAll
	static void migrateAndSeed() throws SQLException {
		url = EmbeddedDatabase.forTests().ensureDatabase("tenant_scoped_data_source");
		PGSimpleDataSource owner = new PGSimpleDataSource();
		owner.setURL(url);
		owner.setUser(EmbeddedDatabase.USER);
		Flyway.configure().dataSource(owner).placeholders(Map.of("appRole", "brain_app")).load().migrate();
		try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("delete from process_deployment");
			statement.execute("""
					insert into process_deployment (definition_id, tenant_id, process_id, engine_process_id,
					    version, deployment_id, resource_name, deployed_by)
					values ('1', 'acme', 'p', 'acme--p', 1, '1', 'p.bpmn', 'test'),
					    ('2', 'globex', 'p', 'globex--p', 1, '2', 'p.bpmn', 'test')
					""");
		}
	}

	@Test
	void borrowWhenTheSessionStatedAnotherTenantOrNoneThenSeesOnlyItsOwnRows() throws SQLException {
		try (HikariDataSource pool = pool(true)) {
			DataSource scoped = new TenantScopedDataSource(pool);
			assertThat(TenantContext.call("acme", () -> deployments(scoped))).isEqualTo("acme--p");
			assertThat(deployments(scoped)).isEmpty();
			assertThat(TenantContext.call("globex", () -> deployments(scoped))).isEqualTo("globex--p");
			assertThat(TenantContext.call("globex", () -> deployments(scoped))).isEqualTo("globex--p");
			assertThat(TenantContext.call("acme", () -> deployments(scoped))).isEqualTo("acme--p");
			assertThat(deployments(scoped)).isEmpty();
		}
	}

	@Test
	void borrowWhenTheTenantWasStatedInATransactionThatRolledBackThenStatesItAgain() throws SQLException {
		try (HikariDataSource pool = pool(false)) {
			DataSource scoped = new TenantScopedDataSource(pool);
			TenantContext.run("acme", () -> {
				try (Connection connection = scoped.getConnection()) {
					// Undoes the setting the borrow made within this transaction.
					connection.rollback();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			assertThat(TenantContext.call("acme", () -> deployments(scoped))).isEqualTo("acme--p");
		}
	}

	/** The engine process ids the borrow sees, comma-separated. */
	private static String deployments(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select coalesce(string_agg(engine_process_id, ','), '') from process_deployment")) {
			rows.next();
			String seen = rows.getString(1);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return seen;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HikariDataSource pool(boolean autoCommit) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("brain_app");
		pool.setMaximumPoolSize(1);
		pool.setAutoCommit(autoCommit);
		return pool;
	}

}
