package io.brain.api.deployment;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.grpc.Status;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Deploys BPMN for a tenant: parses it, gives every process id and message name the
 * tenant's namespace, deploys it to Zeebe and records each definition in the deployment
 * registry, so workers can tell which tenant a job belongs to.
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
		Map<String, String> refused = messageNameProblems(model);
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
		executable.forEach((process) -> process.setId(TenantNamespace.engineId(tenant, process.getId())));
		model.getModelElementsByType(Message.class)
			.stream()
			.filter((message) -> message.getName() != null && !message.getName().isBlank())
			.forEach((message) -> message.setName(TenantNamespace.engineId(tenant, message.getName())));
		model.getModelElementsByType(ZeebeCalledElement.class)
			.stream()
			.filter((called) -> called.getProcessId() != null && !called.getProcessId().startsWith("="))
			.forEach((called) -> called.setProcessId(TenantNamespace.engineId(tenant, called.getProcessId())));

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

	/**
	 * The messages whose name is a FEEL expression, by the element that uses each (or the
	 * message itself when nothing does), with what to do about it. Brain cannot give an
	 * expression's value the tenant's namespace (the engine computes it per run), and a
	 * name outside the namespace would let the run receive another tenant's messages, so
	 * such a diagram is refused; the correlation key may stay an expression.
	 * @return element id to problem, in document order; empty when every name is plain
	 */
	public static Map<String, String> messageNameProblems(BpmnModelInstance model) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (Message message : model.getModelElementsByType(Message.class)) {
			String name = message.getName();
			if (name == null || !name.strip().startsWith("=")) {
				continue;
			}
			String problem = "The message '" + message.getId() + "' is named by the expression '" + name
					+ "': name it in plain text, such as order-paid. Brain keeps each tenant's messages apart by "
					+ "name, which a name computed during the run would escape; the correlation key may be an "
					+ "expression.";
			List<String> users = new ArrayList<>();
			model.getModelElementsByType(MessageEventDefinition.class)
				.stream()
				.filter((definition) -> definition.getMessage() == message)
				.forEach((definition) -> users.add((definition.getParentElement() instanceof BaseElement event)
						? event.getId() : message.getId()));
			model.getModelElementsByType(ReceiveTask.class)
				.stream()
				.filter((task) -> task.getMessage() == message)
				.forEach((task) -> users.add(task.getId()));
			if (users.isEmpty()) {
				users.add(message.getId());
			}
			users.forEach((element) -> problems.putIfAbsent(element, problem));
		}
		return problems;
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
