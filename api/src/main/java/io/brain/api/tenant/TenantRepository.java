package io.brain.api.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.brain.api.tenant.Tenant.TenantStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TenantRepository {

	private final JdbcClient jdbc;

	TenantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean insert(String id, String name, String createdBy) {
		return this.jdbc.sql("""
				insert into tenant (id, name, created_by) values (:id, :name, :createdBy) on conflict (id) do nothing
				""").param("id", id).param("name", name).param("createdBy", createdBy).update() == 1;
	}

	List<Tenant> list() {
		return this.jdbc.sql("select * from tenant order by id").query(this::map).list();
	}

	Optional<Tenant> find(String id) {
		return this.jdbc.sql("select * from tenant where id = :id").param("id", id).query(this::map).optional();
	}

	boolean updateStatus(String id, TenantStatus status) {
		return this.jdbc.sql("update tenant set status = :status, updated_at = now() where id = :id")
			.param("status", status.name())
			.param("id", id)
			.update() == 1;
	}

	private Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(rs.getString("id"), rs.getString("name"), TenantStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

}
