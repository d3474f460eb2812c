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
 * Answers a missing or bad token with 401 problem+json and the {@code WWW-Authenticate}
 * challenge RFC 6750 asks for.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problems;

	ProblemAuthenticationEntryPoint(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		boolean badToken = exception instanceof InvalidBearerTokenException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				badToken ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"brain\"");
		this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
				badToken ? "The bearer token is invalid or expired." : "Sign in: this request needs a bearer token.");
	}

}
