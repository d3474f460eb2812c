package io.brain.workers.outbound;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundAddressPolicyTests {

	private final OutboundAddressPolicy defaults = new OutboundAddressPolicy(List.of());

	@Test
	void checkWhenLoopbackThenRefusesInWordsAndNamesTheOperatorsSetting() {
		assertThatThrownBy(() -> this.defaults.check(URI.create("http://127.0.0.1/")))
			.isInstanceOf(BlockedAddressException.class)
			.hasMessage("Brain did not call http://127.0.0.1/: 127.0.0.1 is the server's own address (loopback), "
					+ "which connectors may not reach unless the operator of Brain allows it. "
					+ "Operator: add the network, e.g. 127.0.0.1/32, to BRAIN_OUTBOUND_ALLOWED_NETWORKS.");
	}

	@Test
	void checkWhenNameResolvesToPrivateAddressThenNamesHostAndAddress() {
		assertThatThrownBy(() -> this.defaults.check(URI.create("http://localhost:8443/")))
			.isInstanceOf(BlockedAddressException.class)
			.hasMessageContaining("localhost (127.0.0.1) is the server's own address")
			.hasMessageNotContaining("brain.outbound.allowed-networks");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://172.16.0.1/",
			"http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/",
			"http://[fe80::1]/", "https://localhost:8443/" })
	void checkWhenInternalAddressThenRefuses(String url) {
		assertThatThrownBy(() -> this.defaults.check(URI.create(url))).isInstanceOf(BlockedAddressException.class)
			.hasMessageContaining("BRAIN_OUTBOUND_ALLOWED_NETWORKS");
	}

	@Test
	void checkWhenPublicAddressThenAllows() {
		assertThatCode(() -> this.defaults.check(URI.create("https://8.8.8.8/path"))).doesNotThrowAnyException();
	}

	@Test
	void checkWhenOperatorAllowsNetworkThenAllowsOnlyThatNetwork() {
		OutboundAddressPolicy policy = new OutboundAddressPolicy(List.of("127.0.0.0/8", " 10.0.0.5 "));
		assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:9000/"))).doesNotThrowAnyException();
		assertThatCode(() -> policy.check(URI.create("http://10.0.0.5/"))).doesNotThrowAnyException();
		assertThatThrownBy(() -> policy.check(URI.create("http://10.0.0.6/")))
			.isInstanceOf(BlockedAddressException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://8.8.8.8/file", "file:///etc/passwd", "gopher://8.8.8.8/" })
	void checkWhenSchemeIsNotHttpThenRefuses(String url) {
		assertThatThrownBy(() -> this.defaults.check(URI.create(url))).isInstanceOf(BlockedAddressException.class)
			.hasMessageContaining("only http and https");
	}

}
