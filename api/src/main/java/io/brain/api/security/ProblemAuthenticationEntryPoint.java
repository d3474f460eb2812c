package io.brain.api.security;

import java.io.IOException;

import io.brain.api.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Answers a missing or bad token or API key with 401 problem+json and the
 * {@code WWW-Authenticate} challenge RFC 6750 asks for; bad credentials count against the
 * caller's address.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problems;

	private final AuthenticationThrottle throttle;

	ProblemAuthenticationEntryPoint(ProblemWriter problems, AuthenticationThrottle throttle) {
		this.problems = problems;
		this.throttle = throttle;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		boolean badCredentials = exception instanceof InvalidBearerTokenException
				|| exception instanceof ApiKeyAuthenticationFilter.InvalidApiKeyException;
		if (badCredentials) {
			this.throttle.failed(request.getRemoteAddr());
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				badCredentials ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"brain\"");
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				badCredentials ? exception.getMessage() : "Sign in: this request needs a bearer token or an API key.");
	}

}
