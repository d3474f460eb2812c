package io.brain.exporter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.brain.core.database.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database with Brain's migrations on the shared embedded PostgreSQL, for one test
 * class.
 */
final class RunDatabase {

	static final String APP_ROLE = "brain_app";

	final String url;

	/**
	 * As the superuser: migrations, the deployment registry, and looking past tenants.
	 */
	final JdbcClient owner;

	RunDatabase(String name) {
		this.url = EmbeddedDatabase.forTests().ensureDatabase(name);
		PGSimpleDataSource owner = dataSource(EmbeddedDatabase.USER);
		Flyway.configure().dataSource(owner).placeholders(Map.of("appRole", APP_ROLE)).load().migrate();
		this.owner = JdbcClient.create(owner);
	}

	PGSimpleDataSource dataSource(String user) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.url);
		dataSource.setUser(user);
		return dataSource;
	}

	/** Records a definition for a tenant, as the api does when it deploys. */
	void register(long definitionKey, String tenant, String processId, String engineProcessId, int version) {
		this.owner.sql("""
				select brain_register_deployment(:key, :tenant, :process, :engine, :version, '1', 'test.bpmn',
				    'test', now())
				""")
			.param("key", String.valueOf(definitionKey))
			.param("tenant", tenant)
			.param("process", processId)
			.param("engine", engineProcessId)
			.param("version", version)
			.query()
			.listOfRows();
	}

	List<Map<String, Object>> rows(String sql, Object... params) {
		var statement = this.owner.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query().listOfRows();
	}

	/**
	 * Reads as the application's role for one tenant (none for null), as the api does.
	 */
	List<Map<String, Object>> rowsOfTenant(String tenant, String sql) {
		try (Connection connection = dataSource(APP_ROLE).getConnection()) {
			try (PreparedStatement set = connection
				.prepareStatement("select set_config('brain.tenant_id', ?, false)")) {
				set.setString(1, (tenant != null) ? tenant : "");
				set.execute();
			}
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet rs = statement.executeQuery()) {
				List<Map<String, Object>> rows = new ArrayList<>();
				while (rs.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
					}
					rows.add(row);
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
