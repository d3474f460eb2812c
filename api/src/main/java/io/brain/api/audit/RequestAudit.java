package io.brain.api.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.api.identity.CurrentUser;
import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditEvent.ActorKind;
import io.brain.core.audit.AuditEvent.Outcome;
import io.brain.core.audit.AuditLog;
import io.brain.core.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The audit row of a request through the api. The audit filter writes it once the request
 * is answered; a handler that changes data in one transaction may write it in that
 * transaction instead ({@link #recordWithin}), so the change and its audit row commit
 * together, and the filter then writes none.
 */
@Component
public class RequestAudit {

	private static final String RECORDED = RequestAudit.class.getName() + ".recorded";

	private final AuditLog auditLog;

	RequestAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
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

	/** Writes the request's row unless its handler wrote it already. */
	void recordAnswered(HttpServletRequest request, JsonNode fields, int status) {
		if (request.getAttribute(RECORDED) == null) {
			this.auditLog.record(event(request, fields, status));
		}
	}

	private static AuditEvent event(HttpServletRequest request, JsonNode fields, int status) {
		CurrentUser actor = (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
		String scope = (actor != null && actor.tenantId() != null) ? actor.tenantId() : TenantContext.PLATFORM;
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("status", status);
		if (fields != null) {
			metadata.put("fields", fields);
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String path = (pattern != null) ? pattern.toString() : request.getRequestURI();
		return new AuditEvent(scope, (actor != null) ? actor.id() : "anonymous",
				(actor != null) ? actor.username() : "anonymous", (actor != null) ? actor.kind() : ActorKind.ANONYMOUS,
				request.getMethod() + " " + path, targetType(request.getRequestURI()), targetId(request),
				(String) request.getAttribute(AuditFilter.REQUEST_ID), request.getRemoteAddr(), outcome(status),
				metadata);
	}

	private static String targetType(String uri) {
		String[] segments = uri.split("/");
		return (segments.length > 2) ? segments[2].toLowerCase(Locale.ROOT) : null;
	}

	@SuppressWarnings("unchecked")
	private static String targetId(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
			return String.join(",", ((Map<String, String>) map).values());
		}
		return null;
	}

	private static Outcome outcome(int status) {
		if (status == 401 || status == 403) {
			return Outcome.DENIED;
		}
		return (status < 400) ? Outcome.SUCCESS : Outcome.FAILURE;
	}

}
