package io.brain.api.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.api.audit.AuditedActions.Words;
import io.brain.api.identity.CurrentUser;
import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditEvent.ActorKind;
import io.brain.core.audit.AuditEvent.Outcome;
import io.brain.core.audit.AuditLog;
import io.brain.core.secret.SecretFieldNames;
import io.brain.core.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * The audit row of a request through the api, in words: who did what to which object
 * (kind, id, name), and the outcome the user saw, with the fields sent (secret values
 * masked). A mutation's row is written in the mutation's own transaction
 * ({@link AuditedChangeFilter}), so both commit or neither; a refused or failed request's
 * row once it is answered ({@link AuditFilter}). Handlers may add what only they know:
 * that the answer, though 2xx, tells of a failure ({@link #failed}), or the object's name
 * ({@link #name}).
 */
@Component
public class RequestAudit {

	private static final String RECORDED = RequestAudit.class.getName() + ".recorded";

	private static final String FAILED = RequestAudit.class.getName() + ".failed";

	private static final String NAME = RequestAudit.class.getName() + ".name";

	private static final String CHANGES = RequestAudit.class.getName() + ".changes";

	/** The length of the audit log's action column. */
	static final int MAX_ACTION = 500;

	/** Endpoints whose whole body is a secret. */
	private static final Pattern WRITE_ONLY = Pattern.compile(".*/secrets(/.*)?");

	/**
	 * Where an answer or a request keeps the object it is about, besides its top level.
	 */
	private static final List<String> NESTED = List.of("apiKey", "listener", "automation", "user", "tenant");

	private static final List<String> NAMES = List.of("name", "username", "resourceName");

	private final AuditLog auditLog;

	private final ObjectMapper json;

	RequestAudit(AuditLog auditLog, ObjectMapper json) {
		this.auditLog = auditLog;
		this.json = json;
	}

	/**
	 * Makes a change and writes the request's audit row, with the status the request is
	 * about to be answered with, in one statement ({@link AuditLog#recordWith}), when the
	 * change writes a row; the filter then writes none. When it writes none, the filter
	 * writes the row for the answer given instead.
	 * @return whether the change wrote a row
	 */
	public boolean recordWith(HttpServletRequest request, int status, String change, Map<String, ?> parameters) {
		boolean changed = this.auditLog.recordWith(change, parameters, event(request, null, status));
		if (changed) {
			request.setAttribute(RECORDED, Boolean.TRUE);
		}
		return changed;
	}

	/**
	 * Records that the request, although answered with success, failed in the user's eyes
	 * (a connection test the provider refused): its row's outcome is FAILURE.
	 * @param reason what the user was told
	 */
	public void failed(HttpServletRequest request, String reason) {
		request.setAttribute(FAILED, (reason != null) ? reason : "");
	}

	/**
	 * Names the object of the request when neither the request nor the answer does
	 * (deploying a version names only the automation's key).
	 */
	public void name(HttpServletRequest request, String name) {
		request.setAttribute(NAME, name);
	}

	/**
	 * Says in words what a change changed, after the row's sentence: "updated agent
	 * 'Campaign analyst': added tool Google Ads pause campaign; changed temperature from
	 * 0.7 to 0.3". The row's metadata keeps the list too.
	 * @param changes each change in words; none adds nothing
	 */
	public void changes(HttpServletRequest request, List<String> changes) {
		request.setAttribute(CHANGES, List.copyOf(changes));
	}

	/**
	 * Writes the row of a request answered with success, within the transaction of its
	 * change: a failure here rolls the change back.
	 */
	void recordWithin(HttpServletRequest request, HttpServletResponse response) {
		this.auditLog.record(event(request, response, response.getStatus()));
		request.setAttribute(RECORDED, Boolean.TRUE);
	}

	/** Writes the request's row unless it was written already. */
	void recordAnswered(HttpServletRequest request, HttpServletResponse response, int status) {
		if (request.getAttribute(RECORDED) == null) {
			this.auditLog.record(event(request, response, status));
		}
	}

	/** Forgets a row written in a transaction that rolled back. */
	void rolledBack(HttpServletRequest request) {
		request.removeAttribute(RECORDED);
	}

	/** The scope a request's row belongs to: the caller's tenant, else the platform. */
	static String scope(HttpServletRequest request) {
		CurrentUser actor = (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
		return (actor != null && actor.tenantId() != null) ? actor.tenantId() : TenantContext.PLATFORM;
	}

	private AuditEvent event(HttpServletRequest request, HttpServletResponse response, int status) {
		CurrentUser actor = (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String operation = request.getMethod() + " " + ((pattern != null) ? pattern : request.getRequestURI());
		Map<String, String> variables = pathVariables(request);
		JsonNode sent = fields(request);
		JsonNode answer = answer(response);
		Outcome outcome = outcome(request, status);

		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("request", operation);
		metadata.put("status", status);
		if (sent != null) {
			metadata.put("fields", sent);
		}
		if (request.getAttribute(FAILED) instanceof String reason && !reason.isEmpty()) {
			metadata.put("reason", reason);
		}
		else if (status >= 400 && answer != null && answer.hasNonNull("detail")) {
			metadata.put("reason", answer.get("detail").asText());
		}

		Words words = AuditedActions.of(operation).orElse(null);
		String id = (words != null) ? id(words, variables, answer) : String.join(",", variables.values());
		String name = name(request, answer, sent);
		String action = (words != null) ? sentence(words, outcome, variables, id, name) : operation;
		if (outcome == Outcome.SUCCESS && request.getAttribute(CHANGES) instanceof List<?> changes
				&& !changes.isEmpty()) {
			metadata.put("changes", changes);
			action = bounded(action + ": " + String.join("; ", changes.stream().map(String::valueOf).toList()));
		}
		return new AuditEvent(scope(request), (actor != null) ? actor.id() : "anonymous",
				(actor != null) ? actor.username() : "anonymous", (actor != null) ? actor.kind() : ActorKind.ANONYMOUS,
				action, (words != null) ? words.kind() : null, blankToNull(id), name,
				(String) request.getAttribute(AuditFilter.REQUEST_ID), request.getRemoteAddr(), outcome, metadata);
	}

	/**
	 * "deployed automation 'Order sync' version 3", "deleted API key 4f1c...", "tried to
	 * create tenant 'Nope'".
	 */
	private static String sentence(Words words, Outcome outcome, Map<String, String> variables, String id,
			String name) {
		String verb = (outcome == Outcome.SUCCESS) ? words.verb() : words.attempt();
		StringBuilder sentence = new StringBuilder(fill(verb, variables)).append(' ').append(words.kind());
		if (name != null) {
			sentence.append(" '").append(name).append('\'');
		}
		else if (id != null && !id.isBlank()) {
			sentence.append(' ').append(id);
		}
		if (words.suffix() != null) {
			sentence.append(' ').append(fill(words.suffix(), variables));
		}
		return sentence.toString();
	}

	/** A sentence cut to the action column's length, marked where it was cut. */
	static String bounded(String sentence) {
		return (sentence.length() <= MAX_ACTION) ? sentence : sentence.substring(0, MAX_ACTION - 1) + "…";
	}

	private static String fill(String template, Map<String, String> variables) {
		String filled = template;
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			filled = filled.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		return filled;
	}

	/**
	 * The object's id: the one the answer gives (also of a created object), else the
	 * path's.
	 */
	private static String id(Words words, Map<String, String> variables, JsonNode answer) {
		if (words.idVariable() != null && variables.containsKey(words.idVariable())) {
			return variables.get(words.idVariable());
		}
		// An id anywhere before a key: a created API key's answer has its id nested and
		// the
		// key itself (a secret) at the top.
		String given = text(answer, "id");
		return (given != null) ? given : text(answer, "key");
	}

	private String name(HttpServletRequest request, JsonNode answer, JsonNode sent) {
		if (request.getAttribute(NAME) instanceof String name && !name.isBlank()) {
			return name;
		}
		String answered = text(answer, NAMES.toArray(String[]::new));
		if (answered != null) {
			return answered;
		}
		return (sent != null && sent.isObject()) ? text(sent, NAMES.toArray(String[]::new)) : null;
	}

	/** The first of some fields at the top of an object, or in an object it nests. */
	private static String text(JsonNode node, String... fields) {
		if (node == null || !node.isObject()) {
			return null;
		}
		for (String field : fields) {
			if (node.get(field) != null && node.get(field).isValueNode() && !node.get(field).asText().isBlank()) {
				return node.get(field).asText();
			}
		}
		for (String nested : NESTED) {
			String found = (node.get(nested) != null && node.get(nested).isObject()) ? text(node.get(nested), fields)
					: null;
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static Outcome outcome(HttpServletRequest request, int status) {
		if (status == 401 || status == 403) {
			return Outcome.DENIED;
		}
		if (status >= 400 || request.getAttribute(FAILED) != null) {
			return Outcome.FAILURE;
		}
		return Outcome.SUCCESS;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> pathVariables(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

	/** The answer's JSON, when it was kept to be read (mutations of the api). */
	private JsonNode answer(HttpServletResponse response) {
		ContentCachingResponseWrapper cached = (response != null)
				? WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class) : null;
		if (cached == null || cached.getContentSize() == 0 || cached.getContentType() == null
				|| !cached.getContentType().contains("json")) {
			return null;
		}
		try {
			return this.json.readTree(cached.getContentAsByteArray());
		}
		catch (IOException notJson) {
			return null;
		}
	}

	/**
	 * The fields sent, secret values masked; none of a webhook, whose payload is the
	 * sender's customer data, kept (masked) with its delivery.
	 */
	private JsonNode fields(HttpServletRequest request) {
		ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
		if (cached == null || AuditFilter.isWebhook(request.getRequestURI())) {
			return null;
		}
		byte[] body = cached.getContentAsByteArray();
		if (body.length == 0) {
			return null;
		}
		if (WRITE_ONLY.matcher(request.getRequestURI()).matches()) {
			return this.json.getNodeFactory().textNode("(secret value, not recorded)");
		}
		try {
			JsonNode node = this.json.readTree(body);
			mask(node);
			return node;
		}
		catch (IOException notJson) {
			return this.json.getNodeFactory().textNode("(" + body.length + " bytes, not JSON)");
		}
	}

	private static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.properties().forEach((entry) -> {
				if (SecretFieldNames.looksSecret(entry.getKey()) && !entry.getValue().isContainerNode()) {
					entry.setValue(object.textNode("****"));
				}
				else {
					mask(entry.getValue());
				}
			});
		}
		else if (node != null && node.isArray()) {
			node.forEach(RequestAudit::mask);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
