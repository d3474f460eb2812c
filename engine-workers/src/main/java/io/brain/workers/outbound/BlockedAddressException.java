package io.brain.workers.outbound;

import java.net.URI;

/**
 * A connector was asked to call a URL that the SSRF rules refuse.
 */
public class BlockedAddressException extends RuntimeException {

	public BlockedAddressException(URI uri, String reason) {
		this(uri.getScheme() + "://" + uri.getAuthority(), reason);
	}

	public BlockedAddressException(String target, String reason) {
		super("Brain did not call " + target + "/: " + reason);
	}

}
