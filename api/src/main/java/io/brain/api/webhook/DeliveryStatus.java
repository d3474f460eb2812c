package io.brain.api.webhook;

/**
 * Where a webhook delivery is.
 */
public enum DeliveryStatus {

	/**
	 * Verified and stored; the dispatcher starts its run or publishes its message (again,
	 * after a failed try).
	 */
	RECEIVED,

	/** Verified, but its event type is not one the listener takes: nothing started. */
	IGNORED,

	/** Its run was started, or its message published. */
	DISPATCHED,

	/**
	 * Its run cannot start (the automation is missing or not deployed) or its message
	 * cannot be published (no correlation key in it); replay it after fixing that.
	 */
	FAILED

}
