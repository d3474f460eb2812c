package io.brain.api.webhook;

/**
 * Where a webhook delivery is.
 */
public enum DeliveryStatus {

	/** Verified and stored; the dispatcher starts its run (again, after a failed try). */
	RECEIVED,

	/** Verified, but its event type is not one the listener takes: nothing started. */
	IGNORED,

	/** Its run was started. */
	DISPATCHED,

	/**
	 * Its run cannot start (the automation is missing or not deployed); replay it after
	 * fixing that.
	 */
	FAILED

}
