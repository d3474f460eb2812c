package io.brain.infra.launcher;

import java.util.List;

/**
 * Something stops the platform from starting: a one-line reason, and the last lines of
 * the failing component's log when there is one.
 */
public class PlatformException extends RuntimeException {

	private final List<String> logTail;

	public PlatformException(String message) {
		this(message, List.of());
	}

	public PlatformException(String message, List<String> logTail) {
		super(message);
		this.logTail = List.copyOf(logTail);
	}

	public List<String> logTail() {
		return this.logTail;
	}

}
