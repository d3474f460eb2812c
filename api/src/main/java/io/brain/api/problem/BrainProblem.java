package io.brain.api.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one error type of the api: becomes RFC 9457 problem+json, naming the field at fault
 * when there is one.
 */
public class BrainProblem extends ErrorResponseException {

	public BrainProblem(HttpStatus status, String detail) {
		this(status, null, detail);
	}

	public BrainProblem(HttpStatus status, String field, String detail) {
		super(status, problem(status, field, detail), null);
	}

	public static BrainProblem badInput(String field, String detail) {
		return new BrainProblem(HttpStatus.BAD_REQUEST, field, detail);
	}

	/**
	 * Several invalid fields at once: the first is the problem's {@code field}, and
	 * {@code errors} lists them all as {@code field} and {@code message}.
	 * @param detail what the request was, e.g. "The connection has invalid fields:"
	 * @param errors the fields at fault with their messages, in order
	 */
	public static BrainProblem invalidFields(String detail, List<Map<String, String>> errors) {
		BrainProblem problem = new BrainProblem(HttpStatus.BAD_REQUEST,
				errors.isEmpty() ? null : errors.get(0).get("field"), detail);
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	public static BrainProblem notFound(String detail) {
		return new BrainProblem(HttpStatus.NOT_FOUND, detail);
	}

	private static ProblemDetail problem(HttpStatus status, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
