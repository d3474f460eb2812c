package io.brain.api.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.audit.RequestAudit;
import io.brain.api.identity.CurrentUser;
import io.brain.api.input.InputText;
import io.brain.api.problem.BrainProblem;
import io.brain.api.tenant.Tenants;
import io.brain.api.webhook.internal.PayloadMask;
import io.brain.api.webhook.internal.Signatures;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * Takes webhooks in: finds the listener (and so the tenant) by the address alone, checks
 * the body's size and the provider's signature, and writes the delivery to the inbox
 * before answering 2xx. A duplicate of a provider event already received is answered 200
 * and stored no more; a bad signature, unknown address or oversized body stores nothing.
 */
@Service
class WebhookIngress {

	private static final Logger logger = LoggerFactory.getLogger(WebhookIngress.class);

	private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	/** WooCommerce pings a new webhook's address with this form body, unsigned. */
	private static final Pattern WOOCOMMERCE_PING = Pattern.compile("webhook_id=\\d+");

	private static final int MAX_HEADERS = 100;

	private static final int MAX_HEADER_VALUE = 1000;

	private final IngressListeners listeners;

	private final DeliveryRepository deliveries;

	private final Tenants tenants;

	private final RequestAudit audit;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	WebhookIngress(IngressListeners listeners, DeliveryRepository deliveries, Tenants tenants, RequestAudit audit,
			WebhookProperties properties, ObjectMapper json, WebhookMeters meters) {
		this.meters = meters;
		this.listeners = listeners;
		this.deliveries = deliveries;
		this.tenants = tenants;
		this.audit = audit;
		this.properties = properties;
		this.json = json;
	}

	private final WebhookMeters meters;

	ResponseEntity<WebhookReceipt> receive(String publicId, HttpServletRequest request) throws IOException {
		long limit = this.properties.maxBodySize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		IngressListeners.Listener addressed = (PUBLIC_ID.matcher(publicId).matches())
				? this.listeners.find(publicId).orElse(null) : null;
		if (addressed == null || this.tenants.isDisabled(addressed.tenant().value())) {
			throw BrainProblem.notFound("No webhook listener has this address.");
		}
		ListenerRepository.Stored listener = addressed.stored();
		// From here on the audit trail records the request in the listener's tenant.
		request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE,
				CurrentUser.system("webhook", listener.id(), listener.name(), addressed.tenant().value()));
		byte[] body = readAtMost(request.getInputStream(), limit);
		if (body == null) {
			throw tooLarge(limit);
		}
		return TenantContext.call(addressed.tenant().value(),
				() -> receive(addressed.tenant(), listener, addressed.secret(), request, body));
	}

	private ResponseEntity<WebhookReceipt> receive(TenantId tenant, ListenerRepository.Stored listener, String secret,
			HttpServletRequest request, byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		String signatureHeader = Signatures.header(listener.provider(), listener.signatureHeader());
		if (listener.provider() == WebhookProvider.WOOCOMMERCE && request.getHeader(signatureHeader) == null
				&& WOOCOMMERCE_PING.matcher(text.strip()).matches()) {
			// Answered so WooCommerce activates the webhook; nothing is stored or
			// started.
			return ResponseEntity.ok(new WebhookReceipt(null, "PING"));
		}
		String problem = (secret != null)
				? Signatures.problem(listener.provider(), listener.signatureHeader(), listener.signatureEncoding(),
						request::getHeader, body, secret, Instant.now(), this.properties.signatureTolerance())
				: "The listener has no secret; set one.";
		if (problem != null) {
			logger.info("Refused a webhook for listener {} of tenant {}: {}", listener.id(), tenant, problem);
			this.meters.received(tenant.value(), listener.provider(), "refused");
			throw new BrainProblem(HttpStatus.UNAUTHORIZED, signatureHeader, problem);
		}
		// Signed, but text no run can take (a NUL, a lone surrogate, bytes that are not
		// UTF-8): refused with 400 and stored nowhere, as at every entry point.
		InputText.checkBody(body, request.getContentType());
		JsonNode parsed = parse(text);
		String eventType = cut(eventType(listener, request, parsed));
		String eventId = cut(eventId(listener, request, parsed));
		if (eventId == null) {
			eventId = "sha256:" + sha256(body);
		}
		DeliveryStatus status = takes(listener.eventTypes(), eventType) ? DeliveryStatus.RECEIVED
				: DeliveryStatus.IGNORED;
		DeliveryRepository.Received delivery = new DeliveryRepository.Received(UUID.randomUUID(), listener.id(), status,
				eventType, eventId, safeHeaders(request), text, request.getContentType());
		HttpStatus answer = (status == DeliveryStatus.RECEIVED) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		// Committed, with its audit row in the same statement, before the 2xx is written:
		// a delivery answered 2xx is never lost.
		boolean stored = this.audit.recordWith(request, answer.value(), DeliveryRepository.INSERT,
				this.deliveries.insertParameters(tenant.value(), delivery));
		if (!stored) {
			this.meters.received(tenant.value(), listener.provider(), "duplicate");
			UUID earlier = this.deliveries.idOfEvent(tenant.value(), listener.id(), eventId).orElse(null);
			return ResponseEntity.ok(new WebhookReceipt(earlier, "DUPLICATE"));
		}
		this.meters.received(tenant.value(), listener.provider(), status.name().toLowerCase(Locale.ROOT));
		return ResponseEntity.status(answer).body(new WebhookReceipt(delivery.id(), status.name()));
	}

	/** Whether a listener takes an event type: any when it names none. */
	static boolean takes(List<String> eventTypes, String eventType) {
		if (eventTypes.isEmpty()) {
			return true;
		}
		if (eventType == null) {
			return false;
		}
		for (String wanted : eventTypes) {
			if (wanted.equals(eventType) || wanted.equals("*")
					|| (wanted.endsWith("*") && eventType.startsWith(wanted.substring(0, wanted.length() - 1)))) {
				return true;
			}
		}
		return false;
	}

	private static String eventType(ListenerRepository.Stored listener, HttpServletRequest request, JsonNode body) {
		return switch (listener.provider()) {
			case STRIPE -> text(body, "/type");
			case SHOPIFY -> request.getHeader("X-Shopify-Topic");
			case WOOCOMMERCE -> request.getHeader("X-WC-Webhook-Topic");
			case GITHUB -> request.getHeader("X-GitHub-Event");
			case HMAC_SHA256, BEARER ->
				(listener.eventTypePointer() != null) ? text(body, listener.eventTypePointer()) : null;
		};
	}

	private static String eventId(ListenerRepository.Stored listener, HttpServletRequest request, JsonNode body) {
		return switch (listener.provider()) {
			case STRIPE -> text(body, "/id");
			case SHOPIFY -> (request.getHeader("X-Shopify-Webhook-Id") != null)
					? request.getHeader("X-Shopify-Webhook-Id") : request.getHeader("X-Shopify-Event-Id");
			case WOOCOMMERCE -> request.getHeader("X-WC-Webhook-Delivery-ID");
			case GITHUB -> request.getHeader("X-GitHub-Delivery");
			case HMAC_SHA256, BEARER ->
				(listener.eventIdHeader() != null) ? request.getHeader(listener.eventIdHeader()) : null;
		};
	}

	private static String text(JsonNode body, String pointer) {
		if (body == null) {
			return null;
		}
		JsonNode value = body.at(pointer);
		return (value.isValueNode() && !value.isNull()) ? value.asText() : null;
	}

	private JsonNode parse(String text) {
		try {
			JsonNode node = this.json.readTree(text);
			return (node != null && node.isContainerNode()) ? node : null;
		}
		catch (IOException notJson) {
			return null;
		}
	}

	/**
	 * The request's headers as kept with the delivery and handed to the run: names in
	 * lower case, signatures, credentials and cookies left out.
	 */
	private static Map<String, String> safeHeaders(HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (headers.size() >= MAX_HEADERS || !isKept(lower)) {
				continue;
			}
			String value = String.join(", ", Collections.list(request.getHeaders(name)));
			headers.put(lower, (value.length() > MAX_HEADER_VALUE) ? value.substring(0, MAX_HEADER_VALUE) : value);
		}
		return headers;
	}

	/**
	 * Whether a header is kept with deliveries: signatures, credentials and cookies are
	 * not.
	 */
	static boolean isKept(String header) {
		String lower = header.toLowerCase(Locale.ROOT);
		return !PayloadMask.isSensitive(lower) && !lower.equals("cookie") && !lower.equals("proxy-authorization");
	}

	private static String cut(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return (value.length() > 255) ? value.substring(0, 255) : value;
	}

	/** The whole body, or null when it is longer than the limit. */
	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		return (body.length > limit) ? null : body;
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	private static BrainProblem tooLarge(long limit) {
		return new BrainProblem(HttpStatus.PAYLOAD_TOO_LARGE, "body",
				"The webhook body is larger than " + limit + " bytes.");
	}

}
