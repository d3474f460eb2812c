package io.brain.api.run;

/**
 * Where a run is.
 */
public enum RunState {

	/** The engine is running it. */
	ACTIVE,

	/** It is active, but a step cannot go on until someone retries it. */
	INCIDENT,

	/** It reached an end. */
	COMPLETED,

	/** Someone cancelled it. */
	CANCELLED

}
