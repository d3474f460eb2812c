package io.brain.api.problem;

import org.springframework.http.HttpStatus;

/**
 * What the api says for an error that no handler of its own described: one sentence per
 * status, saying nothing of the server's insides.
 */
final class ProblemTexts {

	private ProblemTexts() {
	}

	static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed: its address, a header or its encoding is not valid "
					+ "(for example a bad percent-encoding, an encoded '/' or NUL in the path, or headers over "
					+ "the size limit).";
			case NOT_FOUND -> "Nothing is at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take this method.";
			case PAYLOAD_TOO_LARGE -> "The request body is too large.";
			case URI_TOO_LONG -> "The request's address is too long.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
			case UNAUTHORIZED -> "Sign in: this request needs a bearer token or an API key.";
			case FORBIDDEN -> "You may not do this.";
			default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
					: status.getReasonPhrase() + ".";
		};
	}

}
