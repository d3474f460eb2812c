package io.brain.core.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.brain.core.tenant.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry of process definitions Brain deployed, and the tenant each belongs to.
 * <p>
 * The api writes it when it deploys; workers read it to learn which tenant a job runs
 * for. It is the only trusted source of a job's tenant.
 */
public class DeploymentRegistry {

	private final JdbcClient jdbc;

	public DeploymentRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records which tenant a definition belongs to. A key the engine reuses (after its
	 * data was reset) is taken over by the new definition.
	 * @param deployment the definition the engine has just confirmed
	 */
	public void record(ProcessDeployment deployment) {
		this.jdbc.sql("""
				select brain_register_deployment(:definition, :tenant, :processId, :engineProcessId, :version,
				    :deployment, :resourceName, :deployedBy, :deployedAt)
				""")
			.param("definition", deployment.definitionId())
			.param("tenant", deployment.tenant().value())
			.param("processId", deployment.processId())
			.param("engineProcessId", deployment.engineProcessId())
			.param("version", deployment.version())
			.param("deployment", deployment.deploymentId())
			.param("resourceName", deployment.resourceName())
			.param("deployedBy", deployment.deployedBy())
			.param("deployedAt", Timestamp.from(deployment.deployedAt()))
			.query()
			.listOfRows();
	}

	/**
	 * The tenant that owns a process definition.
	 * @param definitionId the engine's id of the definition
	 * @return the owner, or empty when Brain did not deploy the definition
	 */
	public Optional<TenantId> tenantOf(String definitionId) {
		// Crosses tenants by design, through the one narrow function row-level security
		// allows.
		return this.jdbc.sql("select brain_tenant_of_definition(:definition)")
			.param("definition", definitionId)
			.query((rs, row) -> rs.getString(1))
			.optional()
			.filter(TenantId::isValid)
			.map(TenantId::new);
	}

	public Optional<ProcessDeployment> latest(TenantId tenant, String processId) {
		return this.jdbc.sql("""
				select * from process_deployment where tenant_id = :tenant and process_id = :processId
				order by version desc limit 1
				""").param("tenant", tenant.value()).param("processId", processId).query(this::map).optional();
	}

	public List<ProcessDeployment> list(TenantId tenant) {
		return this.jdbc.sql("""
				select * from process_deployment where tenant_id = :tenant
				order by process_id, version desc
				""").param("tenant", tenant.value()).query(this::map).list();
	}

	private ProcessDeployment map(ResultSet rs, int row) throws SQLException {
		return new ProcessDeployment(rs.getString("definition_id"), new TenantId(rs.getString("tenant_id")),
				rs.getString("process_id"), rs.getString("engine_process_id"), rs.getInt("version"),
				rs.getString("deployment_id"), rs.getString("resource_name"), rs.getString("deployed_by"),
				rs.getTimestamp("deployed_at").toInstant());
	}

}
