package io.brain.api.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.automation.Automation;
import io.brain.api.automation.Automations;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.problem.Paging;
import io.brain.api.webhook.internal.PayloadMask;
import io.brain.core.secret.SecretRef;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A tenant's webhook listeners: each an unguessable address, a secret in the secret store
 * (shown once), the automation its deliveries start, and the log of its deliveries.
 */
@Service
public class WebhookListeners {

	private static final SecureRandom random = new SecureRandom();

	private final ListenerRepository listeners;

	private final DeliveryRepository deliveries;

	private final SecretStore secrets;

	private final Automations automations;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	private final IngressListeners ingress;

	private final WebhookAgentRuns agents;

	WebhookListeners(ListenerRepository listeners, DeliveryRepository deliveries, SecretStore secrets,
			Automations automations, WebhookProperties properties, ObjectMapper json, IngressListeners ingress,
			WebhookAgentRuns agents) {
		this.agents = agents;
		this.listeners = listeners;
		this.ingress = ingress;
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.automations = automations;
		this.properties = properties;
		this.json = json;
	}

	/** Where a listener's secret lives in the secret store. */
	static SecretRef secretRef(TenantId tenant, UUID listener) {
		return SecretRef.of(tenant, "webhooks/" + listener + "/secret");
	}

	public List<WebhookListener> list(CurrentUser user) {
		return this.listeners.list(user.tenant().value()).stream().map((stored) -> view(user, stored)).toList();
	}

	public WebhookListener get(CurrentUser user, UUID id) {
		return view(user, stored(user.tenant(), id));
	}

	@Transactional
	public WebhookListenerCreated create(CurrentUser user, SaveWebhookListenerRequest request) {
		TenantId tenant = user.tenant();
		check(user, request);
		UUID id = UUID.randomUUID();
		ListenerRepository.Stored stored = new ListenerRepository.Stored(id, randomToken(24), request.name().strip(),
				request.provider(), option(request.automationKey()), request.agentId(), null, request.eventTypes(),
				option(request.signatureHeader()),
				(request.provider() == WebhookProvider.HMAC_SHA256) ? encoding(request) : null,
				option(request.eventTypePointer()), option(request.eventIdHeader()), request.mode(),
				option(request.messageName()), option(request.correlationKeyPointer()),
				option(request.correlationKeyHeader()), user.username(), Instant.now(), Instant.now(), 0, null);
		if (!this.listeners.insert(tenant.value(), stored)) {
			throw new BrainProblem(HttpStatus.CONFLICT, "name",
					"A webhook listener named '" + stored.name() + "' exists.");
		}
		String secret = (request.secret() != null) ? request.secret() : randomToken(32);
		this.secrets.put(secretRef(tenant, id), secret);
		return new WebhookListenerCreated(get(user, id), secret);
	}

	/** Changes a listener; its provider, address and secret stay. */
	@Transactional
	public WebhookListener update(CurrentUser user, UUID id, SaveWebhookListenerRequest request) {
		TenantId tenant = user.tenant();
		ListenerRepository.Stored stored = stored(tenant, id);
		if (request.provider() != stored.provider()) {
			throw BrainProblem.badInput("provider",
					"A listener's provider cannot change; create a new listener for " + request.provider() + ".");
		}
		if (request.secret() != null) {
			throw BrainProblem.badInput("secret", "Change the secret with POST /api/webhooks/" + id + "/secret.");
		}
		check(user, request);
		if (this.listeners.nameTakenByOther(tenant.value(), request.name().strip(), id)) {
			throw new BrainProblem(HttpStatus.CONFLICT, "name",
					"A webhook listener named '" + request.name().strip() + "' exists.");
		}
		this.listeners.update(tenant.value(),
				new ListenerRepository.Stored(id, stored.publicId(), request.name().strip(), stored.provider(),
						option(request.automationKey()), request.agentId(), null, request.eventTypes(),
						option(request.signatureHeader()),
						(stored.provider() == WebhookProvider.HMAC_SHA256) ? encoding(request) : null,
						option(request.eventTypePointer()), option(request.eventIdHeader()), request.mode(),
						option(request.messageName()), option(request.correlationKeyPointer()),
						option(request.correlationKeyHeader()), stored.createdBy(), stored.createdAt(), Instant.now(),
						0, null));
		this.ingress.forget(stored.publicId());
		return get(user, id);
	}

	/**
	 * Points a listener at another automation, keeping everything else: its deliveries
	 * start that automation from now on.
	 * @throws BrainProblem 404 for no listener of this tenant with the id, 400 naming
	 * {@code automationKey} for no such automation
	 */
	@Transactional
	public WebhookListener pointAt(CurrentUser user, UUID id, String automationKey) {
		TenantId tenant = user.tenant();
		ListenerRepository.Stored stored = stored(tenant, id);
		try {
			this.automations.get(user, automationKey);
		}
		catch (BrainProblem notFound) {
			throw BrainProblem.badInput("automationKey", "No automation '" + automationKey + "'.");
		}
		this.listeners.pointAt(tenant.value(), stored.id(), automationKey);
		return get(user, id);
	}

	/**
	 * Replaces a listener's secret with the one given (a provider's signing secret) or a
	 * new random one; deliveries signed with the old secret are refused from now on.
	 * @return the secret now in force, shown this once
	 */
	@Transactional
	public WebhookSecret rotateSecret(CurrentUser user, UUID id, WebhookSecret given) {
		TenantId tenant = user.tenant();
		ListenerRepository.Stored stored = stored(tenant, id);
		String secret = (given != null && given.secret() != null) ? given.secret() : randomToken(32);
		this.secrets.put(secretRef(tenant, id), secret);
		this.listeners.touch(tenant.value(), id);
		this.ingress.forget(stored.publicId());
		return new WebhookSecret(secret);
	}

	@Transactional
	public void delete(CurrentUser user, UUID id) {
		TenantId tenant = user.tenant();
		ListenerRepository.Stored stored = stored(tenant, id);
		this.secrets.delete(secretRef(tenant, id));
		this.listeners.delete(tenant.value(), id);
		this.ingress.forget(stored.publicId());
	}

	public DeliveryPage deliveries(CurrentUser user, UUID id, DeliveryStatus status, int page, int size) {
		Paging.check(page, size);
		stored(user.tenant(), id);
		String tenant = user.tenant().value();
		return new DeliveryPage(this.deliveries.page(tenant, id, status, page, size).stream().map(this::view).toList(),
				page, size, this.deliveries.count(tenant, id, status));
	}

	/**
	 * Queues a copy of a delivery, so its run starts again (after the automation was
	 * fixed or deployed, say).
	 * @return the copy
	 */
	@Transactional
	public Delivery replay(CurrentUser user, UUID id, UUID deliveryId) {
		String tenant = user.tenant().value();
		stored(user.tenant(), id);
		UUID copy = this.deliveries.requeueCopy(tenant, id, deliveryId)
			.orElseThrow(() -> BrainProblem.notFound("Listener " + id + " has no delivery " + deliveryId + "."));
		return this.deliveries.find(tenant, id, copy).map(this::view).orElseThrow();
	}

	private Delivery view(DeliveryRepository.StoredDelivery stored) {
		return new Delivery(stored.id(), stored.status(), stored.eventType(), stored.providerEventId(),
				stored.receivedAt(), PayloadMask.mask(this.json, stored.payload()), stored.attempts(),
				(stored.status() == DeliveryStatus.RECEIVED) ? stored.nextAttemptAt() : null, stored.error(),
				stored.runId(), stored.message(), stored.dispatchedAt(), stored.replayOf());
	}

	private WebhookListener view(CurrentUser user, ListenerRepository.Stored stored) {
		String problem = problemOf(user, stored);
		return new WebhookListener(stored.id(), stored.name(), stored.provider(), stored.automationKey(),
				stored.agentId(), stored.agentName(), stored.eventTypes(), url(stored.publicId()), problem == null,
				problem, stored.signatureHeader(), stored.signatureEncoding(), stored.eventTypePointer(),
				stored.eventIdHeader(), stored.mode(), stored.messageName(), stored.correlationKeyPointer(),
				stored.correlationKeyHeader(), stored.deliveries(), stored.lastDeliveryAt(), stored.createdBy(),
				stored.createdAt(), stored.updatedAt());
	}

	/**
	 * Why a listener's deliveries would not start or resume runs of its automation now,
	 * or null when they would.
	 */
	private String problemOf(CurrentUser user, ListenerRepository.Stored listener) {
		if (listener.agentId() != null) {
			// The listener goes with its agent; a run of its current settings starts.
			return null;
		}
		String key = listener.automationKey();
		boolean correlates = listener.mode() == ListenerMode.CORRELATE;
		Automation automation;
		try {
			automation = this.automations.get(user, key);
		}
		catch (BrainProblem notFound) {
			return correlates
					? "Automation '" + key + "' does not exist: deliveries publish message '" + listener.messageName()
							+ "', but none of its runs waits for it."
					: "Automation '" + key + "' does not exist: deliveries are stored but start nothing.";
		}
		if (automation.deployedVersion() == null) {
			return correlates
					? "Automation '" + automation.name() + "' is not deployed: deliveries publish message '"
							+ listener.messageName() + "', but none of its runs waits for it."
					: "Automation '" + automation.name() + "' is not deployed: deliveries are stored but start"
							+ " nothing until it is (then replay them).";
		}
		if (correlates && !this.automations.messagesAwaited(user, key).contains(listener.messageName())) {
			return "The deployed version of automation '" + automation.name() + "' does not wait for message '"
					+ listener.messageName() + "': it has no message start, catch or boundary event and no receive"
					+ " task with that name.";
		}
		return null;
	}

	private String url(String publicId) {
		String base = (this.properties.publicUrl() != null && !this.properties.publicUrl().isBlank())
				? this.properties.publicUrl().replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base + "/hooks/" + publicId;
	}

	private void check(CurrentUser user, SaveWebhookListenerRequest request) {
		WebhookProvider provider = request.provider();
		if (provider != WebhookProvider.HMAC_SHA256) {
			refuseOption("signatureHeader", request.signatureHeader(), "generic HMAC-SHA256");
			refuseOption("signatureEncoding", request.signatureEncoding(), "generic HMAC-SHA256");
		}
		boolean generic = provider == WebhookProvider.HMAC_SHA256 || provider == WebhookProvider.BEARER;
		if (!generic) {
			refuseOption("eventTypePointer", request.eventTypePointer(), "generic");
			refuseOption("eventIdHeader", request.eventIdHeader(), "generic");
		}
		String pointer = option(request.eventTypePointer());
		if (pointer != null) {
			requirePointer("eventTypePointer", pointer,
					"The event type pointer must be a JSON pointer such as /type or /event/name.");
		}
		if (generic && pointer == null && !request.eventTypes().isEmpty()) {
			throw BrainProblem.badInput("eventTypes",
					"To filter by event type, say where the event type is: set eventTypePointer, such as /type.");
		}
		if (request.mode() == ListenerMode.CORRELATE) {
			checkCorrelation(request);
		}
		else {
			refuseOption("messageName", request.messageName(), "CORRELATE");
			refuseOption("correlationKeyPointer", request.correlationKeyPointer(), "CORRELATE");
			refuseOption("correlationKeyHeader", request.correlationKeyHeader(), "CORRELATE");
		}
		String automationKey = option(request.automationKey());
		if ((automationKey == null) == (request.agentId() == null)) {
			throw BrainProblem.badInput("automationKey", (automationKey == null)
					? "Say what each delivery starts: an automation (automationKey) or an agent (agentId)."
					: "A listener starts an automation or an agent, not both: leave out automationKey or agentId.");
		}
		if (request.agentId() != null) {
			if (request.mode() == ListenerMode.CORRELATE) {
				throw BrainProblem.badInput("mode",
						"A listener of an agent starts its runs (START): a message resumes an automation's runs.");
			}
			if (this.agents.agentName(user.tenant(), request.agentId()).isEmpty()) {
				throw BrainProblem.badInput("agentId", "No agent " + request.agentId() + ".");
			}
			return;
		}
		try {
			this.automations.get(user, automationKey);
		}
		catch (BrainProblem notFound) {
			throw BrainProblem.badInput("automationKey", "No automation '" + automationKey + "'.");
		}
	}

	/**
	 * A CORRELATE listener names its message and takes the correlation key from exactly
	 * one place: a pointer into the payload or a header kept with the delivery.
	 */
	private static void checkCorrelation(SaveWebhookListenerRequest request) {
		if (option(request.messageName()) == null) {
			throw BrainProblem.badInput("messageName",
					"A CORRELATE listener publishes a message: name it as the BPMN does, such as order-paid.");
		}
		String pointer = option(request.correlationKeyPointer());
		String header = option(request.correlationKeyHeader());
		if (pointer == null && header == null) {
			throw BrainProblem.badInput("correlationKeyPointer",
					"Say where each delivery carries the correlation key: a JSON pointer into the payload such as "
							+ "/data/object/metadata/orderId, or a header (correlationKeyHeader).");
		}
		if (pointer != null && header != null) {
			throw BrainProblem.badInput("correlationKeyHeader",
					"Take the correlation key from a pointer or from a header, not both.");
		}
		if (pointer != null) {
			requirePointer("correlationKeyPointer", pointer,
					"The correlation key pointer must be a JSON pointer such as /data/object/metadata/orderId.");
		}
		if (header != null && !WebhookIngress.isKept(header)) {
			throw BrainProblem.badInput("correlationKeyHeader", "The " + header
					+ " header is not kept with deliveries (its name looks secret), so it cannot carry the correlation key.");
		}
	}

	/**
	 * A JSON pointer to a value inside the payload: {@code /type}, never the whole of it.
	 */
	private static void requirePointer(String field, String pointer, String problem) {
		try {
			if (JsonPointer.compile(pointer).matches()) {
				throw BrainProblem.badInput(field, problem);
			}
		}
		catch (IllegalArgumentException ex) {
			throw BrainProblem.badInput(field, problem);
		}
	}

	private static void refuseOption(String field, Object value, String which) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			throw BrainProblem.badInput(field, field + " applies to " + which + " listeners only.");
		}
	}

	private static SignatureEncoding encoding(SaveWebhookListenerRequest request) {
		return (request.signatureEncoding() != null) ? request.signatureEncoding() : SignatureEncoding.HEX;
	}

	private static String option(String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	private ListenerRepository.Stored stored(TenantId tenant, UUID id) {
		return this.listeners.find(tenant.value(), id)
			.orElseThrow(() -> BrainProblem.notFound("No webhook listener " + id + "."));
	}

	/** A random url-safe token of some bytes (24 bytes: 32 characters). */
	static String randomToken(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
