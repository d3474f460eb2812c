package io.brain.api.run;

/**
 * The engine did not take a command now (unreachable, back-pressure, no answer in time),
 * and did not carry it out: the same command may be sent again later.
 */
public class EngineUnavailableException extends RuntimeException {

	public EngineUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
