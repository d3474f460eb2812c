package io.brain.api.webhook;

/**
 * What a webhook listener does with each verified delivery.
 */
public enum ListenerMode {

	/** Starts a run of the listener's automation. */
	START,

	/**
	 * Publishes a message that resumes the run waiting for it, found by the correlation
	 * key the delivery carries.
	 */
	CORRELATE

}
