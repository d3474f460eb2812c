package io.brain.api.problem;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes RFC 9457 problem+json outside Spring MVC, for the security filters.
 */
@Component
public class ProblemWriter {

	private final ObjectMapper json;

	public ProblemWriter(ObjectMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request, response, new BrainProblem(status, detail));
	}

	/** Writes a problem, with the field at fault when it names one. */
	public void write(HttpServletRequest request, HttpServletResponse response, BrainProblem problem)
			throws IOException {
		ProblemDetail body = problem.getBody();
		URI instance = instance(request);
		if (instance != null) {
			body.setInstance(instance);
		}
		response.setStatus(body.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

	/**
	 * The request's path (the failed request's on an error dispatch), unless it is not
	 * one a URI can carry.
	 */
	private static URI instance(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			return URI.create((failed instanceof String path) ? path : request.getRequestURI());
		}
		catch (IllegalArgumentException notAUri) {
			return null;
		}
	}

}
