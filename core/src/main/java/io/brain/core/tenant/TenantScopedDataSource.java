package io.brain.core.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that state the current {@link TenantContext} to PostgreSQL
 * ({@code brain.tenant_id}), so row-level security applies to every statement. A
 * connection borrowed without a tenant states none and sees no tenant rows.
 */
public class TenantScopedDataSource extends DelegatingDataSource {

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

	private static Connection scoped(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select set_config('brain.tenant_id', ?, false)")) {
			statement.setString(1, TenantContext.current().orElse(""));
			statement.execute();
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

}
