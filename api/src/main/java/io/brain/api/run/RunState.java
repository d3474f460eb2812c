package io.brain.api.run;

/**
 * Where a run is.
 */
public enum RunState {

	/** The engine is running it. */
	ACTIVE,

	/** It reached an end event. */
	COMPLETED,

	/** The engine refused or lost it; {@link Run#error()} says why. */
	FAILED

}
