package io.brain.exporter;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.brain.exporter.RunRow.Kind;
import org.slf4j.Logger;

/**
 * Brain's run tables, written over one JDBC connection as the application's role: each
 * tenant's rows after stating the tenant, so row-level security checks every row.
 */
final class RunTables implements AutoCloseable {

	private final ExporterSettings settings;

	private final Logger logger;

	private Connection connection;

	RunTables(ExporterSettings settings, Logger logger) {
		this.settings = settings;
		this.logger = logger;
	}

	/**
	 * The tenants of process definitions, from the registry the api writes when it
	 * deploys.
	 * @return the tenant of each definition Brain deployed; others are missing
	 */
	Map<Long, String> tenantsOf(Collection<Long> definitionKeys) throws SQLException {
		Map<Long, String> tenants = new HashMap<>();
		if (definitionKeys.isEmpty()) {
			return tenants;
		}
		Connection connection = connection();
		try (PreparedStatement statement = connection
			.prepareStatement("select k, brain_tenant_of_definition(k::text) from unnest(?) as k")) {
			Array keys = connection.createArrayOf("bigint", definitionKeys.toArray(Long[]::new));
			statement.setArray(1, keys);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String tenant = rs.getString(2);
					if (tenant != null) {
						tenants.put(rs.getLong(1), tenant);
					}
				}
			}
			connection.commit();
			return tenants;
		}
		catch (SQLException ex) {
			reset();
			throw ex;
		}
	}

	/**
	 * Writes rows in one transaction. A row PostgreSQL refuses for its data (not for an
	 * outage) is logged and left out, so one odd record cannot stop the Runs page.
	 * @param rowsByTenant each tenant's rows in the order of their records
	 * @throws SQLException when the database cannot be reached or its schema is not there
	 * yet; nothing is written then
	 */
	void write(Map<String, List<RunRow>> rowsByTenant) throws SQLException {
		Connection connection = connection();
		try {
			try {
				for (Map.Entry<String, List<RunRow>> tenant : rowsByTenant.entrySet()) {
					writeBatches(connection, tenant.getKey(), tenant.getValue());
				}
			}
			catch (SQLException ex) {
				if (!refusedData(ex)) {
					throw ex;
				}
				connection.rollback();
				this.logger.warn("PostgreSQL refused a batch of run rows ({}); writing them one by one",
						ex.getMessage());
				for (Map.Entry<String, List<RunRow>> tenant : rowsByTenant.entrySet()) {
					writeOneByOne(connection, tenant.getKey(), tenant.getValue());
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			reset();
			throw ex;
		}
	}

	private void writeBatches(Connection connection, String tenant, List<RunRow> rows) throws SQLException {
		forTenant(connection, tenant);
		Map<Kind, List<RunRow>> byKind = new EnumMap<>(Kind.class);
		rows.forEach((row) -> byKind.computeIfAbsent(row.kind(), (kind) -> new ArrayList<>()).add(row));
		for (Map.Entry<Kind, List<RunRow>> kind : byKind.entrySet()) {
			try (PreparedStatement statement = connection.prepareStatement(kind.getKey().sql())) {
				for (RunRow row : kind.getValue()) {
					bind(statement, tenant, row);
					statement.addBatch();
				}
				statement.executeBatch();
			}
		}
	}

	private void writeOneByOne(Connection connection, String tenant, List<RunRow> rows) throws SQLException {
		forTenant(connection, tenant);
		for (RunRow row : rows) {
			Savepoint savepoint = connection.setSavepoint();
			try (PreparedStatement statement = connection.prepareStatement(row.kind().sql())) {
				bind(statement, tenant, row);
				statement.executeUpdate();
				connection.releaseSavepoint(savepoint);
			}
			catch (SQLException ex) {
				if (!refusedData(ex)) {
					throw ex;
				}
				connection.rollback(savepoint);
				this.logger.error("Skipped a run row of tenant {} that PostgreSQL refuses: {} ({})", tenant,
						row.kind() + "@" + row.position(), ex.getMessage());
			}
		}
	}

	private static void forTenant(Connection connection, String tenant) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select set_config('brain.tenant_id', ?, true)")) {
			statement.setString(1, tenant);
			statement.execute();
		}
	}

	private static void bind(PreparedStatement statement, String tenant, RunRow row) throws SQLException {
		Object[] values = row.values();
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, (values[i] == RunRow.TENANT) ? tenant : values[i]);
		}
	}

	/**
	 * Data exceptions (22) and integrity violations (23) are about the rows; anything
	 * else (connections, missing tables before the api migrated the schema) passes.
	 */
	private static boolean refusedData(SQLException ex) {
		for (SQLException next = ex; next != null; next = next.getNextException()) {
			String state = next.getSQLState();
			if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
				return true;
			}
		}
		return false;
	}

	private Connection connection() throws SQLException {
		if (this.connection == null) {
			Properties properties = new Properties();
			properties.setProperty("user", this.settings.username());
			if (this.settings.password() != null) {
				properties.setProperty("password", this.settings.password());
			}
			properties.setProperty("ApplicationName", "brain-zeebe-exporter");
			properties.setProperty("connectTimeout", "10");
			properties.setProperty("socketTimeout", "60");
			properties.setProperty("tcpKeepAlive", "true");
			Connection connection = new org.postgresql.Driver().connect(this.settings.jdbcUrl(), properties);
			if (connection == null) {
				throw new SQLException("Not a PostgreSQL JDBC URL: " + this.settings.jdbcUrl());
			}
			connection.setAutoCommit(false);
			this.connection = connection;
		}
		return this.connection;
	}

	/** Drops the connection after a failure; the next write opens a new one. */
	void reset() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// it is gone either way
			}
			this.connection = null;
		}
	}

	@Override
	public void close() {
		reset();
	}

}
