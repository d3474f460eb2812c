package io.brain.api.deployment;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantNamespace;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Deploys BPMN for a tenant: parses it, confines every name it reaches other runs by to
 * the tenant ({@link TenantScope}), deploys it to Zeebe and records each definition in
 * the deployment registry, so workers can tell which tenant a job belongs to.
 */
@Service
public class DeploymentService {

	private final CamundaClient zeebe;

	private final DeploymentRegistry registry;

	private final ProcessTemplates templates;

	DeploymentService(CamundaClient zeebe, DeploymentRegistry registry, ProcessTemplates templates) {
		this.zeebe = zeebe;
		this.registry = registry;
		this.templates = templates;
	}

	public Deployment deploy(CurrentUser user, String resourceName, byte[] bpmnXml) {
		TenantId tenant = user.tenant();
		BpmnModelInstance model = parse(bpmnXml);
		List<io.camunda.zeebe.model.bpmn.instance.Process> executable = model
			.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
			.stream()
			.filter(io.camunda.zeebe.model.bpmn.instance.Process::isExecutable)
			.toList();
		if (executable.isEmpty()) {
			throw BrainProblem.badInput("bpmnXml", "The BPMN has no executable process (isExecutable=\"true\").");
		}
		Map<String, String> refused = TenantScope.problems(model);
		if (!refused.isEmpty()) {
			BrainProblem problem = BrainProblem.badInput("bpmnXml", refused.values().iterator().next());
			problem.getBody()
				.setProperty("problems",
						refused.entrySet()
							.stream()
							.map((found) -> Map.of("elementId", found.getKey(), "message", found.getValue()))
							.toList());
			throw problem;
		}
		TenantScope.confine(tenant, model);

		DeploymentEvent event = send(tenant, resourceName, model);
		List<DeployedProcess> deployed = new ArrayList<>();
		for (Process process : event.getProcesses()) {
			ProcessDeployment record = new ProcessDeployment(process.getProcessDefinitionKey(), tenant,
					withoutNamespace(tenant, process.getBpmnProcessId()), process.getBpmnProcessId(),
					process.getVersion(), event.getKey(), resourceName, user.username(), Instant.now());
			this.registry.record(record);
			deployed.add(DeployedProcess.of(record));
		}
		return new Deployment(String.valueOf(event.getKey()), deployed);
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

	private DeploymentEvent send(TenantId tenant, String resourceName, BpmnModelInstance model) {
		try {
			return this.zeebe.newDeployResourceCommand().addProcessModel(model, resourceName).send().join();
		}
		catch (ClientStatusException ex) {
			if (ex.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
				throw BrainProblem.badInput("bpmnXml",
						"Zeebe rejected the BPMN: " + withoutNamespace(tenant, ex.getStatus().getDescription()));
			}
			throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
					"Zeebe could not take the deployment now (" + ex.getStatusCode() + "); try again shortly.");
		}
	}

	private static String withoutNamespace(TenantId tenant, String text) {
		return (text != null) ? text.replace(TenantNamespace.engineId(tenant, ""), "") : "";
	}

}
