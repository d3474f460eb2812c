package io.brain.api.security;

import java.io.IOException;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.ProblemWriter;
import io.brain.api.tenant.Tenants;
import io.brain.core.tenant.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated caller's tenant, taken from the verified token or the API key
 * and nowhere else, into the {@link TenantContext} for the rest of the request; a
 * disabled tenant is refused.
 */
class TenantContextFilter extends OncePerRequestFilter {

	private final Tenants tenants;

	private final ProblemWriter problems;

	TenantContextFilter(Tenants tenants, ProblemWriter problems) {
		this.tenants = tenants;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication.getPrincipal() instanceof String) {
			chain.doFilter(request, response);
			return;
		}
		CurrentUser user = CurrentUser.from(authentication);
		request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user);
		// Each log line of the request names who made it (an id, never a name or a
		// token).
		MDC.put("user", user.id());
		try {
			if (user.tenantId() == null) {
				chain.doFilter(request, response);
				return;
			}
			if (this.tenants.isDisabled(user.tenantId())) {
				this.problems.write(request, response, HttpStatus.FORBIDDEN, "Your tenant is disabled.");
				return;
			}
			// The tenant is in the logging context too while it is set.
			TenantContext.set(user.tenantId());
			try {
				chain.doFilter(request, response);
			}
			finally {
				TenantContext.clear();
			}
		}
		finally {
			MDC.remove("user");
		}
	}

}
