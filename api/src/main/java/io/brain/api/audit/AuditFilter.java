package io.brain.api.audit;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes one audit row for every POST, PUT, PATCH and DELETE through the api, failures
 * and refusals included: who, which tenant, what, the outcome, the request id, the
 * client's address, and the fields sent with secrets masked. Also gives every request an
 * id ({@code X-Request-Id}) for logs and the audit trail.
 * <p>
 * A mutation answered with success has its row written already, in its own transaction
 * ({@link AuditedChangeFilter}); this filter writes the row of every other audited
 * request once it is answered. It keeps a mutation's answer until then, so nothing
 * reaches the client before the change and its row commit.
 */
class AuditFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "X-Request-Id";

	private static final Logger logger = LoggerFactory.getLogger(AuditFilter.class);

	private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final int MAX_AUDITED_BODY = 64 * 1024;

	private final RequestAudit audit;

	AuditFilter(RequestAudit audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = requestId(request);
		response.setHeader(REQUEST_ID, requestId);
		request.setAttribute(REQUEST_ID, requestId);
		MDC.put("requestId", requestId);
		try {
			if (!isMutation(request) || !isAudited(request.getRequestURI())) {
				chain.doFilter(request, response);
				return;
			}
			if (isWebhook(request.getRequestURI())) {
				try {
					chain.doFilter(request, response);
				}
				finally {
					record(request, response, response.getStatus(), requestId);
				}
				return;
			}
			ContentCachingRequestWrapper cachedRequest = new ContentCachingRequestWrapper(request, MAX_AUDITED_BODY);
			ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(cachedRequest, cachedResponse);
			}
			finally {
				record(cachedRequest, cachedResponse, cachedResponse.getStatus(), requestId);
				cachedResponse.copyBodyToResponse();
			}
		}
		finally {
			MDC.remove("requestId");
		}
	}

	static boolean isMutation(HttpServletRequest request) {
		return MUTATIONS.contains(request.getMethod());
	}

	private static boolean isAudited(String path) {
		return path.startsWith("/api/") || isWebhook(path);
	}

	/**
	 * Webhooks: the payload is the sender's customer data, kept (masked) with the
	 * delivery itself, so their audit rows record who and the outcome, not the body. Once
	 * the address names a listener, the row goes to that listener's tenant, in the
	 * statement that stores the delivery.
	 */
	static boolean isWebhook(String path) {
		return path.startsWith("/hooks/");
	}

	private void record(HttpServletRequest request, HttpServletResponse response, int status, String requestId) {
		try {
			this.audit.recordAnswered(request, response, status);
		}
		catch (RuntimeException ex) {
			logger.error("Could not write the audit row of request {}", requestId, ex);
		}
	}

	private static String requestId(HttpServletRequest request) {
		String given = request.getHeader(REQUEST_ID);
		return (given != null && SAFE_REQUEST_ID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

}
