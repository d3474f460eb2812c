package io.brain.api.automation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.brain.api.deployment.Deployment;
import io.brain.api.deployment.DeploymentService;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.problem.Paging;
import io.brain.core.tenant.TenantId;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's automations: saved as checked drafts, versioned, deployed under their key.
 */
@Service
public class Automations {

	private final AutomationRepository repository;

	private final BpmnChecks checks;

	private final DeploymentService deployments;

	private final Map<String, Set<String>> awaited = new ConcurrentHashMap<>();

	Automations(AutomationRepository repository, BpmnChecks checks, DeploymentService deployments) {
		this.repository = repository;
		this.checks = checks;
		this.deployments = deployments;
	}

	public AutomationPage list(CurrentUser user, String query, int page, int size) {
		Paging.check(page, size);
		String tenant = user.tenant().value();
		String q = (query != null && !query.isBlank()) ? query.strip() : null;
		return new AutomationPage(this.repository.list(tenant, q, page, size)
			.stream()
			.map(AutomationRepository.Stored::automation)
			.toList(), page, size, this.repository.count(tenant, q));
	}

	public Automation get(CurrentUser user, String key) {
		return stored(user.tenant(), key).automation();
	}

	/**
	 * A tenant's automation, for Brain's own background work (a webhook delivery, a
	 * schedule's fire), if the tenant has it.
	 */
	public Optional<Automation> find(TenantId tenant, String key) {
		return this.repository.find(tenant.value(), key).map(AutomationRepository.Stored::automation);
	}

	/** Creates an automation with its diagram as version 1, a draft. */
	@Transactional
	public Automation create(CurrentUser user, SaveAutomationRequest request) {
		return create(user, request, null);
	}

	/**
	 * Creates an automation with its diagram as version 1, a draft, checked as any
	 * diagram is.
	 * @param rule the rule the diagram was generated from, as JSON, kept with the version
	 */
	@Transactional
	public Automation create(CurrentUser user, SaveAutomationRequest request, String rule) {
		TenantId tenant = user.tenant();
		String key = (request.key() != null) ? request.key() : keyFrom(request.name());
		if (this.repository.exists(tenant.value(), key)) {
			throw new BrainProblem(HttpStatus.CONFLICT, "key", "An automation with the key '" + key + "' exists.");
		}
		requireValid(tenant, request.bpmnXml());
		UUID id = UUID.randomUUID();
		this.repository.insert(tenant.value(), id, key, request.name(), request.description(), user.username());
		this.repository.addVersion(tenant.value(), id, request.bpmnXml(), rule, request.note(), user.username());
		return get(user, key);
	}

	/** Saves a new draft version, with the name and description given. */
	@Transactional
	public AutomationVersion saveVersion(CurrentUser user, String key, SaveAutomationRequest request) {
		return saveVersion(user, key, request, null);
	}

	/**
	 * Saves a new draft version, with the name and description given, checked as any
	 * diagram is.
	 * @param rule the rule the diagram was generated from, as JSON, kept with the version
	 */
	@Transactional
	public AutomationVersion saveVersion(CurrentUser user, String key, SaveAutomationRequest request, String rule) {
		TenantId tenant = user.tenant();
		AutomationRepository.Stored stored = stored(tenant, key);
		if (request.key() != null && !request.key().equals(key)) {
			throw BrainProblem.badInput("key", "An automation's key cannot change; create a new automation.");
		}
		requireValid(tenant, request.bpmnXml());
		this.repository.rename(tenant.value(), stored.id(), request.name(), request.description(), user.username());
		int version = this.repository.addVersion(tenant.value(), stored.id(), request.bpmnXml(), rule, request.note(),
				user.username());
		return version(user, key, version);
	}

	public List<AutomationVersion> versions(CurrentUser user, String key) {
		return this.repository.versions(user.tenant().value(), stored(user.tenant(), key).id());
	}

	public AutomationVersion version(CurrentUser user, String key, int version) {
		return this.repository.version(user.tenant().value(), stored(user.tenant(), key).id(), version)
			.orElseThrow(() -> BrainProblem.notFound("Automation '" + key + "' has no version " + version + "."));
	}

	/**
	 * The rule a version was generated from, as JSON.
	 * @throws BrainProblem 404 when the version does not exist or was drawn, not
	 * generated
	 */
	public String rule(CurrentUser user, String key, int version) {
		AutomationRepository.Stored stored = stored(user.tenant(), key);
		return this.repository.rule(user.tenant().value(), stored.id(), version)
			.orElseThrow(() -> BrainProblem
				.notFound("Version " + version + " of automation '" + key + "' was not made with the rule list"
						+ (this.repository.version(user.tenant().value(), stored.id(), version).isPresent()
								? "; open it in the diagram editor." : ": there is no such version.")));
	}

	/**
	 * What saving a diagram would find wrong with it, without saving it.
	 * @return the problems, each on its element where it has one; none when it may be
	 * saved
	 */
	public List<BpmnProblem> check(CurrentUser user, String bpmnXml) {
		return this.checks.check(user.tenant(), bpmnXml).problems();
	}

	/**
	 * Deploys a version under the automation's key (the diagram's process id becomes the
	 * key), checked again against today's connections, and archives the version deployed
	 * before.
	 */
	@Transactional
	public AutomationVersion deploy(CurrentUser user, String key, int number) {
		TenantId tenant = user.tenant();
		AutomationRepository.Stored stored = stored(tenant, key);
		AutomationVersion version = version(user, key, number);
		BpmnChecks.Checked checked = requireValid(tenant, version.bpmnXml());
		Process process = checked.model()
			.getModelElementsByType(Process.class)
			.stream()
			.filter(Process::isExecutable)
			.findFirst()
			.orElseThrow();
		process.setId(key);
		if (process.getName() == null) {
			process.setName(stored.automation().name());
		}
		Deployment deployment = this.deployments.deploy(user, key + ".bpmn",
				Bpmn.convertToString(checked.model()).getBytes(StandardCharsets.UTF_8));
		String definition = deployment.processes().get(0).definitionId();
		this.repository.deployed(tenant.value(), stored.id(), number, definition, user.username());
		return version(user, key, number);
	}

	/**
	 * The names of the messages the deployed version waits for: those of its message
	 * start, intermediate catch and boundary events and its receive tasks.
	 * @return the names as written in the diagram; empty when no version is deployed
	 */
	public Set<String> messagesAwaited(CurrentUser user, String key) {
		AutomationRepository.Stored stored = stored(user.tenant(), key);
		Integer deployed = stored.automation().deployedVersion();
		if (deployed == null) {
			return Set.of();
		}
		// A version never changes once saved: its messages are read once.
		String cacheKey = stored.id() + "/" + deployed;
		Set<String> cached = this.awaited.get(cacheKey);
		if (cached != null) {
			return cached;
		}
		String bpmnXml = version(user, key, deployed).bpmnXml();
		Set<String> names = new TreeSet<>();
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
		model.getModelElementsByType(CatchEvent.class)
			.stream()
			.flatMap((event) -> event.getEventDefinitions().stream())
			.filter(MessageEventDefinition.class::isInstance)
			.map((definition) -> ((MessageEventDefinition) definition).getMessage())
			.forEach((message) -> addName(names, message));
		model.getModelElementsByType(ReceiveTask.class).forEach((task) -> addName(names, task.getMessage()));
		Set<String> found = Set.copyOf(names);
		if (this.awaited.size() > 1000) {
			this.awaited.clear();
		}
		this.awaited.put(cacheKey, found);
		return found;
	}

	private static void addName(Set<String> names, Message message) {
		if (message != null && message.getName() != null && !message.getName().isBlank()) {
			names.add(message.getName().strip());
		}
	}

	@Transactional
	public void delete(CurrentUser user, String key) {
		this.repository.delete(user.tenant().value(), stored(user.tenant(), key).id());
	}

	private BpmnChecks.Checked requireValid(TenantId tenant, String bpmnXml) {
		BpmnChecks.Checked checked = this.checks.check(tenant, bpmnXml);
		if (!checked.ok()) {
			BrainProblem problem = BrainProblem.badInput("bpmnXml",
					"The diagram has " + checked.problems().size() + " problem"
							+ ((checked.problems().size() == 1) ? "" : "s") + ": "
							+ checked.problems().get(0).message());
			problem.getBody()
				.setProperty("problems",
						checked.problems()
							.stream()
							.map((found) -> (found.elementId() != null)
									? Map.of("elementId", found.elementId(), "message", found.message())
									: Map.of("message", found.message()))
							.toList());
			throw problem;
		}
		return checked;
	}

	private AutomationRepository.Stored stored(TenantId tenant, String key) {
		return this.repository.find(tenant.value(), key)
			.orElseThrow(() -> BrainProblem.notFound("No automation '" + key + "'."));
	}

	/** A key from a name: "Welcome new leads!" becomes "welcome-new-leads". */
	static String keyFrom(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
			key = "automation-" + key;
		}
		return (key.length() > 100) ? key.substring(0, 100).replaceAll("-+$", "") : key;
	}

}
