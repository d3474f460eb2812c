package io.brain.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for servers the tests of several modules start themselves.
 */
public final class FreePort {

	private FreePort() {
	}

	/** A port nothing listens on at 127.0.0.1 right now. */
	public static int onLoopback() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on 127.0.0.1", ex);
		}
	}

}
