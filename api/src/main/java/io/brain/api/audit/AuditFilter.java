package io.brain.api.audit;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.core.secret.SecretFieldNames;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Writes one audit row for every POST, PUT, PATCH and DELETE through the api, failures
 * and refusals included: who, which tenant, what, the outcome, the request id, the
 * client's address, and the fields sent with secrets masked. Also gives every request an
 * id ({@code X-Request-Id}) for logs and the audit trail.
 */
class AuditFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "X-Request-Id";

	private static final Logger logger = LoggerFactory.getLogger(AuditFilter.class);

	private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** Endpoints whose whole body is a secret. */
	private static final Pattern WRITE_ONLY = Pattern.compile(".*/secrets(/.*)?");

	private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final int MAX_AUDITED_BODY = 64 * 1024;

	private final RequestAudit audit;

	private final ObjectMapper json;

	AuditFilter(RequestAudit audit, ObjectMapper json) {
		this.audit = audit;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request);
		response.setHeader(REQUEST_ID, requestId);
		request.setAttribute(REQUEST_ID, requestId);
		MDC.put("requestId", requestId);
		try {
			if (!MUTATIONS.contains(request.getMethod()) || !isAudited(request.getRequestURI())) {
				chain.doFilter(request, response);
				return;
			}
			if (isWebhook(request.getRequestURI())) {
				try {
					chain.doFilter(request, response);
				}
				finally {
					record(request, null, response.getStatus(), requestId);
				}
				return;
			}
			ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, MAX_AUDITED_BODY);
			try {
				chain.doFilter(cached, response);
			}
			finally {
				record(cached, maskedBody(cached), response.getStatus(), requestId);
			}
		}
		finally {
			MDC.remove("requestId");
		}
	}

	private static boolean isAudited(String path) {
		return path.startsWith("/api/") || isWebhook(path);
	}

	/**
	 * Webhooks: the payload is the sender's customer data, kept (masked) with the
	 * delivery itself, so their audit rows record who and the outcome, not the body. Once
	 * the address names a listener, the row goes to that listener's tenant.
	 */
	private static boolean isWebhook(String path) {
		return path.startsWith("/hooks/");
	}

	private void record(HttpServletRequest request, JsonNode fields, int status, String requestId) {
		try {
			this.audit.recordAnswered(request, fields, status);
		}
		catch (RuntimeException ex) {
			logger.error("Could not write the audit row of request {}", requestId, ex);
		}
	}

	private JsonNode maskedBody(ContentCachingRequestWrapper request) {
		byte[] body = request.getContentAsByteArray();
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
			node.forEach(AuditFilter::mask);
		}
	}

	private static String requestId(HttpServletRequest request) {
		String given = request.getHeader(REQUEST_ID);
		return (given != null && SAFE_REQUEST_ID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

}
