package io.brain.api.webhook;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import io.brain.api.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds webhook load early: beyond {@code brain.webhooks.max-concurrent-requests}
 * webhooks in flight, a delivery is answered 429 with {@code Retry-After} before anything
 * reads its body, so an api under more webhooks than it can serve refuses them (providers
 * retry) instead of queueing them until its memory runs out. A refused delivery changes
 * nothing. 429 rather than 503: Tomcat closes the connection after a 503, so each refusal
 * cost the sender a new connection and the api another accept, which kept an overloaded
 * api overloaded.
 */
class IngressLimit extends OncePerRequestFilter {

	private final Semaphore slots;

	private final ProblemWriter problems;

	IngressLimit(int maxConcurrentRequests, ProblemWriter problems) {
		this.slots = new Semaphore(Math.max(1, maxConcurrentRequests));
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/hooks/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.slots.tryAcquire()) {
			response.setHeader("Retry-After", "1");
			this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Brain is receiving more webhooks than it can take right now; send this one again shortly.");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.release();
		}
	}

}
