package io.brain.api.audit;

import java.io.IOException;

import io.brain.api.problem.ProblemWriter;
import io.brain.core.tenant.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Makes a mutation through the api and its audit row one unit: the request is handled in
 * one transaction (the handler's own transactions join it), its audit row is written in
 * that transaction, and only then does it commit. Should the row, or the commit, fail,
 * nothing the request changed is kept and the caller is told so (500); a request answered
 * with an error keeps nothing either, and its row is written after ({@link AuditFilter}).
 * <p>
 * It runs after authentication, once the request's tenant is known, so the transaction's
 * connection states it. The answer is held back by the {@link AuditFilter} until then.
 * Changes outside the database (the engine, Keycloak) cannot be undone this way.
 */
class AuditedChangeFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(AuditedChangeFilter.class);

	private final PlatformTransactionManager transactions;

	private final RequestAudit audit;

	private final ProblemWriter problems;

	AuditedChangeFilter(PlatformTransactionManager transactions, RequestAudit audit, ProblemWriter problems) {
		this.transactions = transactions;
		this.audit = audit;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !AuditFilter.isMutation(request) || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = WebUtils.getNativeResponse(response,
				ContentCachingResponseWrapper.class);
		if (answer == null) {
			chain.doFilter(request, response);
			return;
		}
		// The scope of the audit row: the caller's tenant, or the platform's for platform
		// admins; the transaction's connection states it for every statement.
		TransactionStatus transaction = TenantContext.call(RequestAudit.scope(request),
				() -> this.transactions.getTransaction(TransactionDefinition.withDefaults()));
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			rollback(transaction);
			throw ex;
		}
		if (answer.getStatus() >= 400) {
			rollback(transaction);
			return;
		}
		try {
			TenantContext.run(RequestAudit.scope(request), () -> this.audit.recordWithin(request, answer));
			this.transactions.commit(transaction);
		}
		catch (RuntimeException ex) {
			if (!transaction.isCompleted()) {
				rollback(transaction);
			}
			this.audit.rolledBack(request);
			logger.error("The change of request {} was rolled back: its audit row could not be written",
					request.getAttribute(AuditFilter.REQUEST_ID), ex);
			Object requestId = request.getAttribute(AuditFilter.REQUEST_ID);
			answer.reset();
			if (requestId != null) {
				answer.setHeader(AuditFilter.REQUEST_ID, requestId.toString());
			}
			this.problems.write(request, answer, HttpStatus.INTERNAL_SERVER_ERROR,
					"Nothing was changed: the change could not be recorded in the audit log. Try again later.");
		}
	}

	private void rollback(TransactionStatus transaction) {
		try {
			this.transactions.rollback(transaction);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not roll back a request's transaction", ex);
		}
	}

}
