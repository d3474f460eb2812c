package io.brain.engine;

/**
 * An engine did not carry out a command. Its {@link Kind} says what the caller can do
 * about it; the message says why, in words a user may read.
 */
public class EngineException extends RuntimeException {

	/** What went wrong, as a caller acts on it. */
	public enum Kind {

		/** The tenant has no such process or run. */
		NOT_FOUND,
		/** The engine refused the command as given (variables, state). */
		REFUSED,
		/** The engine cannot take it now; the same command may succeed later. */
		UNAVAILABLE,
		/**
		 * The engine is up but busy (back-pressure): it takes commands again as soon as
		 * it has worked off some of its load, sooner than one that cannot be reached.
		 */
		BUSY

	}

	private final Kind kind;

	public EngineException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public EngineException(Kind kind, String message) {
		this(kind, message, null);
	}

	public Kind kind() {
		return this.kind;
	}

	/** Whether the same command may succeed when sent again later. */
	public boolean isTransient() {
		return this.kind == Kind.UNAVAILABLE || this.kind == Kind.BUSY;
	}

}
