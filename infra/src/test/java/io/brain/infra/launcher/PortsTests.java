package io.brain.infra.launcher;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTests {

	@Test
	void requireFreeWhenPortTakenThenNamesPortAndHolder() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> Ports.requireFree("the api", port)).isInstanceOf(PlatformException.class)
				.hasMessageStartingWith("Port " + port + " for the api is already taken by process "
						+ ProcessHandle.current().pid() + " (");
		}
	}

	@Test
	void requireFreeWhenPortFreeThenPasses() {
		int port = Ports.free();
		assertThatCode(() -> Ports.requireFree("the api", port)).doesNotThrowAnyException();
	}

}
