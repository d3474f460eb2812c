package io.brain.workers.outbound;

import java.net.URI;
import java.net.http.HttpTimeoutException;

/**
 * A provider could not be reached: no response came back after every try.
 */
public class OutboundCallException extends RuntimeException {

	public OutboundCallException(URI uri, Throwable cause) {
		super(describe(uri, cause), cause);
	}

	private static String describe(URI uri, Throwable cause) {
		String target = uri.getScheme() + "://" + uri.getAuthority();
		if (cause instanceof HttpTimeoutException) {
			return target + " did not answer in time";
		}
		return target + " could not be reached: " + cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? " " + cause.getMessage() : "");
	}

}
