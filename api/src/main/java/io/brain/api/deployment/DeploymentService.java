package io.brain.api.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import io.brain.engine.ModelProblem;
import io.brain.engine.ModelRefusedException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Deploys BPMN for a tenant: parses it, hands it to the engine, which confines every name
 * it reaches other runs by to the tenant, and records each definition in the deployment
 * registry, so the tenant's deployments can be listed and workers can tell which tenant a
 * job belongs to.
 */
@Service
public class DeploymentService {

	private final Engine engine;

	private final DeploymentRegistry registry;

	private final ProcessTemplates templates;

	DeploymentService(Engine engine, DeploymentRegistry registry, ProcessTemplates templates) {
		this.engine = engine;
		this.registry = registry;
		this.templates = templates;
	}

	public Deployment deploy(CurrentUser user, String resourceName, byte[] bpmnXml) {
		TenantId tenant = user.tenant();
		BpmnModelInstance model = parse(bpmnXml);
		if (model.getModelElementsByType(Process.class).stream().noneMatch(Process::isExecutable)) {
			throw BrainProblem.badInput("bpmnXml", "The BPMN has no executable process (isExecutable=\"true\").");
		}
		Engine.Deployed deployed;
		try {
			deployed = this.engine.deploy(tenant, resourceName, new String(bpmnXml, StandardCharsets.UTF_8),
					user.username());
		}
		catch (ModelRefusedException ex) {
			throw refused(ex.problems());
		}
		catch (EngineException ex) {
			throw (ex.kind() == EngineException.Kind.UNAVAILABLE)
					? new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
							"The engine could not take the deployment now; try again shortly.")
					: BrainProblem.badInput("bpmnXml", ex.getMessage());
		}
		List<DeployedProcess> processes = new ArrayList<>();
		Instant now = Instant.now();
		for (Engine.Definition definition : deployed.processes()) {
			ProcessDeployment record = new ProcessDeployment(definition.definitionId(), tenant, definition.processId(),
					definition.engineProcessId(), definition.version(), deployed.deploymentId(), resourceName,
					user.username(), now);
			this.registry.record(record);
			processes.add(DeployedProcess.of(record));
		}
		return new Deployment(deployed.deploymentId(), processes);
	}

	/**
	 * A 400 naming the first problem, with every problem on its element.
	 */
	public static BrainProblem refused(List<ModelProblem> problems) {
		BrainProblem problem = BrainProblem.badInput("bpmnXml",
				problems.isEmpty() ? "The engine refused the model." : problems.get(0).message());
		problem.getBody()
			.setProperty("problems",
					problems.stream()
						.map((found) -> (found.elementId() != null)
								? Map.of("elementId", found.elementId(), "message", found.message())
								: Map.of("message", found.message()))
						.toList());
		return problem;
	}

	public Deployment deployTemplate(CurrentUser user, String templateId) {
		ProcessTemplates.Entry template = this.templates.find(templateId)
			.orElseThrow(() -> BrainProblem.notFound("No process template named '" + templateId + "'."));
		return deploy(user, template.resourceName(), template.xml());
	}

	public List<ProcessTemplate> templates() {
		return this.templates.list();
	}

	public List<DeployedProcess> list(CurrentUser user) {
		return this.registry.list(user.tenant()).stream().map(DeployedProcess::of).toList();
	}

	private static BpmnModelInstance parse(byte[] bpmnXml) {
		try {
			BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml));
			Bpmn.validateModel(model);
			return model;
		}
		catch (RuntimeException ex) {
			throw BrainProblem.badInput("bpmnXml",
					"The BPMN is not valid: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		}
	}

}
