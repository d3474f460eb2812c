package io.brain.workers.tenant;

import java.util.Optional;

import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.tenant.TenantId;
import io.brain.engine.EngineTask;
import io.brain.workers.task.EngineTaskJob;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;

import org.springframework.stereotype.Component;

/**
 * Tells which tenant a job runs for.
 * <p>
 * The answer comes from the deployment registry, keyed by the job's process definition,
 * which only the api writes. Process variables are never consulted: any BPMN author can
 * set them.
 */
@Component
public class JobTenants {

	private final DeploymentRegistry registry;

	JobTenants(DeploymentRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The tenant that deployed the job's process.
	 * @param job the job
	 * @return the tenant
	 * @throws ConnectorRetryException without retries when Brain did not deploy the
	 * process, so the job raises an incident instead of running for nobody
	 */
	public TenantId of(JobContext job) {
		Optional<EngineTask> task = EngineTaskJob.of(job);
		if (task.isPresent()) {
			// The engine port's task carries the tenant of the deployment its run belongs
			// to.
			return task.get().tenant();
		}
		return this.registry.tenantOf(String.valueOf(job.getProcessDefinitionKey()))
			.orElseThrow(() -> ConnectorRetryException.builder()
				.errorCode("UNKNOWN_TENANT")
				.message("Process definition " + job.getProcessDefinitionKey() + " (" + job.getBpmnProcessId()
						+ ") was not deployed through Brain, so no tenant owns it")
				.retries(0)
				.build());
	}

}
