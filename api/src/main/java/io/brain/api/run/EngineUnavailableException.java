package io.brain.api.run;

import java.util.Set;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;

/**
 * The engine did not take a command now (unreachable, back-pressure, no answer in time),
 * and did not carry it out: the same command may be sent again later.
 */
public class EngineUnavailableException extends RuntimeException {

	/** Answers after which the engine did not carry out the command, and may later. */
	private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED,
			Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED, Status.Code.CANCELLED);

	private final boolean backPressure;

	public EngineUnavailableException(String message, Throwable cause) {
		super(message, cause);
		this.backPressure = cause instanceof ClientStatusException status
				&& status.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED;
	}

	/**
	 * Whether the engine is up but busy (back-pressure): it takes commands again as soon
	 * as it has worked off some of its load, unlike an engine that cannot be reached.
	 */
	public boolean isBackPressure() {
		return this.backPressure;
	}

	/**
	 * Whether a failed command may be sent again later: the engine answered with a
	 * transient status, or the request never reached the gateway (no status at all).
	 */
	public static boolean isTransient(ClientException failure) {
		return !(failure instanceof ClientStatusException status) || TRANSIENT.contains(status.getStatusCode());
	}

	/**
	 * The exception for a transient failure of a command.
	 * @param command what was asked, such as "the start"
	 * @param failure the client's exception
	 * @return the exception, saying why in words
	 */
	public static EngineUnavailableException of(String command, ClientException failure) {
		String message = (failure instanceof ClientStatusException status)
				? "Zeebe could not take " + command + " now (" + status.getStatusCode() + "): " + describe(failure)
				: "Zeebe is unreachable: " + describe(failure);
		return new EngineUnavailableException(message, failure);
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
