package io.brain.api.run;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How a run was started.
 *
 * @param kind through Brain, by an event of its process, by a parent run, or on the
 * engine directly
 * @param by who started it through Brain (a user or an API key's name), or the id of the
 * parent run
 */
public record RunStart(Kind kind, @Schema(nullable = true) String by) {

	/** How a run was started. */
	public enum Kind {

		/** Through Brain's run API or web app, by {@link RunStart#by()}. */
		BRAIN,

		/** By a timer start event. */
		TIMER,

		/** By a message (for example a webhook's delivery). */
		MESSAGE,

		/** By a signal. */
		SIGNAL,

		/** By a call activity of the run {@link RunStart#by()}. */
		PARENT_RUN,

		/** On the engine, not through Brain. */
		ENGINE

	}

}
