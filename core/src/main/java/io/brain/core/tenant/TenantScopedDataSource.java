package io.brain.core.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that state the current {@link TenantContext} to PostgreSQL
 * ({@code brain.tenant_id}), so row-level security applies to every statement. A
 * connection borrowed without a tenant states none and sees no tenant rows.
 */
public class TenantScopedDataSource extends DelegatingDataSource {

	/**
	 * The tenant each pooled session states, by its driver connection (weakly: a closed
	 * connection drops out).
	 */
	private final Map<Connection, String> stated = Collections.synchronizedMap(new WeakHashMap<>());

	public TenantScopedDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	/**
	 * Unwrapping to a plain {@link DataSource} yields the pool itself, so Spring Boot can
	 * derive from it the owner's data source Flyway migrates with.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> type) throws SQLException {
		return (type == DataSource.class) ? (T) obtainTargetDataSource() : super.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type == DataSource.class || super.isWrapperFor(type);
	}

	private Connection scoped(Connection connection) throws SQLException {
		String tenant = TenantContext.current().orElse("");
		try {
			// The setting outlives the borrow, so a pooled connection that states this
			// tenant already needs no round trip.
			Connection session = connection.unwrap(Connection.class);
			if (tenant.equals(this.stated.get(session))) {
				return connection;
			}
			// Forgotten first: should the statement fail, the connection's setting is
			// unknown.
			this.stated.remove(session);
			try (PreparedStatement statement = connection
				.prepareStatement("select set_config('brain.tenant_id', ?, false)")) {
				statement.setString(1, tenant);
				statement.execute();
			}
			if (connection.getAutoCommit()) {
				// Outside a transaction the setting holds until changed; inside one a
				// rollback would undo it.
				this.stated.put(session, tenant);
			}
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

}
