package io.brain.api.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Automations and their versions, always within one tenant.
 */
@Repository
class AutomationRepository {

	private static final String SUMMARY = """
			select a.*, (select max(v.version) from automation_version v where v.automation_id = a.id) latest,
			       (select v.version from automation_version v where v.automation_id = a.id and v.status = 'DEPLOYED') deployed
			from automation a
			""";

	private final JdbcClient jdbc;

	AutomationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String tenant, String key) {
		return this.jdbc.sql(SUMMARY + " where a.tenant_id = :tenant and a.key = :key")
			.param("tenant", tenant)
			.param("key", key)
			.query(this::map)
			.optional();
	}

	List<Stored> list(String tenant, String query, int page, int size) {
		return this.jdbc.sql(SUMMARY + " where a.tenant_id = :tenant and (cast(:query as text) is null "
				+ "or a.name ilike '%' || cast(:query as text) || '%' or a.key ilike '%' || cast(:query as text) || '%') "
				+ "order by a.updated_at desc, a.key limit :limit offset :offset")
			.param("tenant", tenant)
			.param("query", query)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	long count(String tenant, String query) {
		return this.jdbc
			.sql("select count(*) from automation a where a.tenant_id = :tenant and (cast(:query as text) is null "
					+ "or a.name ilike '%' || cast(:query as text) || '%' or a.key ilike '%' || cast(:query as text) || '%')")
			.param("tenant", tenant)
			.param("query", query)
			.query(Long.class)
			.single();
	}

	boolean exists(String tenant, String key) {
		return this.jdbc.sql("select count(*) from automation where tenant_id = :tenant and key = :key")
			.param("tenant", tenant)
			.param("key", key)
			.query(Long.class)
			.single() > 0;
	}

	void insert(String tenant, UUID id, String key, String name, String description, String user) {
		this.jdbc.sql("""
				insert into automation (id, tenant_id, key, name, description, created_by, updated_by)
				values (:id, :tenant, :key, :name, :description, :user, :user)
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("key", key)
			.param("name", name)
			.param("description", description)
			.param("user", user)
			.update();
	}

	void rename(String tenant, UUID id, String name, String description, String user) {
		this.jdbc.sql("""
				update automation set name = :name, description = :description, updated_by = :user, updated_at = now()
				where tenant_id = :tenant and id = :id
				""")
			.param("tenant", tenant)
			.param("id", id)
			.param("name", name)
			.param("description", description)
			.param("user", user)
			.update();
	}

	/**
	 * Adds a draft version.
	 * @param rule the rule the diagram was generated from, as JSON; null for a drawn one
	 */
	int addVersion(String tenant, UUID automation, String bpmnXml, String rule, String note, String user) {
		int version = this.jdbc
			.sql("select coalesce(max(version), 0) + 1 from automation_version where automation_id = :automation")
			.param("automation", automation)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					insert into automation_version (automation_id, tenant_id, version, status, bpmn_xml, rule, note, created_by)
					values (:automation, :tenant, :version, 'DRAFT', :xml, cast(:rule as jsonb), :note, :user)
					""")
			.param("automation", automation)
			.param("tenant", tenant)
			.param("version", version)
			.param("xml", bpmnXml)
			.param("rule", rule)
			.param("note", note)
			.param("user", user)
			.update();
		return version;
	}

	List<AutomationVersion> versions(String tenant, UUID automation) {
		return this.jdbc.sql("""
				select version, status, note, created_by, created_at, deployed_by, deployed_at, null as bpmn_xml,
				       rule is not null as from_rule
				from automation_version where tenant_id = :tenant and automation_id = :automation order by version desc
				""")
			.param("tenant", tenant)
			.param("automation", automation)
			.query(AutomationRepository::version)
			.list();
	}

	Optional<AutomationVersion> version(String tenant, UUID automation, int version) {
		return this.jdbc.sql("""
				select version, status, note, created_by, created_at, deployed_by, deployed_at, bpmn_xml,
				       rule is not null as from_rule
				from automation_version where tenant_id = :tenant and automation_id = :automation and version = :version
				""")
			.param("tenant", tenant)
			.param("automation", automation)
			.param("version", version)
			.query(AutomationRepository::version)
			.optional();
	}

	/** The rule a version was generated from, as JSON, if it was. */
	Optional<String> rule(String tenant, UUID automation, int version) {
		return this.jdbc.sql("""
				select rule::text from automation_version
				where tenant_id = :tenant and automation_id = :automation and version = :version and rule is not null
				""")
			.param("tenant", tenant)
			.param("automation", automation)
			.param("version", version)
			.query(String.class)
			.optional();
	}

	/**
	 * Marks a version deployed and archives the one deployed before it, in one statement
	 * each.
	 */
	void deployed(String tenant, UUID automation, int version, String definitionId, String user) {
		this.jdbc.sql("""
				update automation_version set status = 'ARCHIVED'
				where tenant_id = :tenant and automation_id = :automation and status = 'DEPLOYED'
				""").param("tenant", tenant).param("automation", automation).update();
		this.jdbc.sql("""
				update automation_version set status = 'DEPLOYED', deployed_by = :user, deployed_at = now(),
				    definition_id = :definition
				where tenant_id = :tenant and automation_id = :automation and version = :version
				""")
			.param("tenant", tenant)
			.param("automation", automation)
			.param("version", version)
			.param("definition", definitionId)
			.param("user", user)
			.update();
		touch(tenant, automation, user);
	}

	void touch(String tenant, UUID automation, String user) {
		this.jdbc
			.sql("update automation set updated_by = :user, updated_at = now() where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", automation)
			.param("user", user)
			.update();
	}

	void delete(String tenant, UUID id) {
		this.jdbc.sql("delete from automation where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		int deployed = rs.getInt("deployed");
		Integer deployedVersion = rs.wasNull() ? null : deployed;
		return new Stored(rs.getObject("id", UUID.class),
				new Automation(rs.getString("key"), rs.getString("name"), rs.getString("description"),
						rs.getInt("latest"), deployedVersion, rs.getString("created_by"),
						rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
						rs.getTimestamp("updated_at").toInstant()));
	}

	private static AutomationVersion version(ResultSet rs, int row) throws SQLException {
		return new AutomationVersion(rs.getInt("version"), AutomationVersion.Status.valueOf(rs.getString("status")),
				rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("deployed_by"), instant(rs.getTimestamp("deployed_at")), rs.getString("bpmn_xml"),
				rs.getBoolean("from_rule"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * An automation with its row id.
	 *
	 * @param id the row id
	 * @param automation what the API shows
	 */
	record Stored(UUID id, Automation automation) {

	}

}
