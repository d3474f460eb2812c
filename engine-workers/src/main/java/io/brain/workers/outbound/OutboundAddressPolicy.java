package io.brain.workers.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Decides whether a connector may call a URL that a user typed in (the SSRF guard).
 * <p>
 * Loopback, link-local (cloud metadata lives there), private, carrier-grade NAT,
 * unique-local and wildcard addresses are refused unless an operator lists them in
 * {@code brain.outbound.allowed-networks}. Every address the host resolves to is checked,
 * so a name that points inside cannot slip through. A refusal says why in a business
 * user's words and names the environment variable an operator sets.
 */
public class OutboundAddressPolicy {

	/** How operators set {@code brain.outbound.allowed-networks} (README, ./brain up). */
	static final String ALLOWED_NETWORKS_SETTING = "BRAIN_OUTBOUND_ALLOWED_NETWORKS";

	private static final IpAddressMatcher CARRIER_GRADE_NAT = new IpAddressMatcher("100.64.0.0/10");

	private static final IpAddressMatcher UNIQUE_LOCAL = new IpAddressMatcher("fc00::/7");

	private final List<IpAddressMatcher> allowed;

	public OutboundAddressPolicy(List<String> allowedNetworks) {
		this.allowed = allowedNetworks.stream()
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
	}

	/**
	 * Checks a URL before it is called.
	 * @param uri the URL
	 * @throws BlockedAddressException when the URL may not be called, saying why
	 */
	public void check(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new BlockedAddressException(uri, "only http and https URLs can be called");
		}
		check(uri, uri.getScheme() + "://" + uri.getAuthority());
	}

	private void check(URI uri, String target) {
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new BlockedAddressException(target, "the URL has no host");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new BlockedAddressException(target, "the host " + host + " is unknown");
		}
		for (InetAddress address : addresses) {
			String kind = internalKind(address);
			if (kind != null && !isAllowed(address)) {
				String literal = address.getHostAddress();
				String named = host.equals(literal) ? literal : host + " (" + literal + ")";
				throw new BlockedAddressException(target,
						named + " is " + kind + ", which connectors may not reach unless the operator of Brain "
								+ "allows it. Operator: add the network, e.g. " + literal
								+ ((address instanceof Inet6Address) ? "/128" : "/32") + ", to "
								+ ALLOWED_NETWORKS_SETTING + ".");
			}
		}
	}

	/**
	 * Checks a host a connector connects to with another protocol than HTTP.
	 * @param protocol the protocol, for the message, e.g. {@code smtp}
	 * @param host the host name or address
	 * @param port the port
	 * @throws BlockedAddressException when the host may not be reached, saying why
	 */
	public void checkHost(String protocol, String host, int port) {
		check(URI.create("http://" + host + ":" + port + "/"), protocol + "://" + host + ":" + port);
	}

	private boolean isAllowed(InetAddress address) {
		String literal = address.getHostAddress();
		return this.allowed.stream().anyMatch((network) -> network.matches(literal));
	}

	private static String internalKind(InetAddress address) {
		String literal = address.getHostAddress();
		if (address.isLoopbackAddress()) {
			return "the server's own address (loopback)";
		}
		if (address.isAnyLocalAddress()) {
			return "a wildcard address, not a real destination";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address, where cloud servers keep their secrets (metadata)";
		}
		if (address.isSiteLocalAddress() || CARRIER_GRADE_NAT.matches(literal)
				|| (address instanceof Inet6Address && UNIQUE_LOCAL.matches(literal))) {
			return "an address inside a private network";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		return null;
	}

}
