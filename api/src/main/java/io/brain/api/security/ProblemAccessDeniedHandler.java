package io.brain.api.security;

import java.io.IOException;

import io.brain.api.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a request the user may not make with 403 problem+json.
 */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemWriter problems;

	ProblemAccessDeniedHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		this.problems.write(request, response, HttpStatus.FORBIDDEN, "You may not do this.");
	}

}
