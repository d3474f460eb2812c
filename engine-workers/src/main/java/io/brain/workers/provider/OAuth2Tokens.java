package io.brain.workers.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.workers.connection.ConnectionStatus;
import io.brain.workers.connection.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * OAuth2 access tokens of connections that hold a refresh token (Zoho CRM, Google Ads). A
 * token is kept in memory only and refreshed ahead of its expiry, so a step never starts
 * with a token about to lapse; a refresh the provider refuses marks the connection as
 * needing a reconnect and fails the step without retries.
 */
@Component
public class OAuth2Tokens {

	/** Refresh this long before a token lapses. */
	static final Duration AHEAD = Duration.ofMinutes(5);

	private final ProviderHttp http;

	private final ConnectionStatus status;

	private final Clock clock;

	private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

	private final Map<String, Lock> refreshing = new ConcurrentHashMap<>();

	@Autowired
	OAuth2Tokens(ProviderHttp http, ConnectionStatus status) {
		this(http, status, Clock.systemUTC());
	}

	OAuth2Tokens(ProviderHttp http, ConnectionStatus status, Clock clock) {
		this.http = http;
		this.status = status;
		this.clock = clock;
	}

	/**
	 * A valid access token of a connection, refreshed when it lapses within five minutes.
	 * @param connection the connection with the client id, secret and refresh token
	 * @param endpoint the provider's token endpoint
	 * @return the token and what else the provider said when it issued it
	 */
	public AccessToken accessToken(ResolvedConnection connection, TokenEndpoint endpoint) {
		String key = key(connection, endpoint);
		AccessToken held = this.tokens.get(key);
		if (fresh(held)) {
			return held;
		}
		// One refresh per connection at a time: providers revoke tokens refreshed in
		// bursts.
		Lock lock = this.refreshing.computeIfAbsent(key, (any) -> new ReentrantLock());
		lock.lock();
		try {
			held = this.tokens.get(key);
			if (fresh(held)) {
				return held;
			}
			AccessToken refreshed = refresh(connection, endpoint);
			this.tokens.put(key, refreshed);
			return refreshed;
		}
		finally {
			lock.unlock();
		}
	}

	private boolean fresh(AccessToken token) {
		return token != null && token.expiresAt().isAfter(this.clock.instant().plus(AHEAD));
	}

	/**
	 * Drops a connection's token, after the provider rejected it, so the next step
	 * refreshes.
	 */
	public void forget(ResolvedConnection connection, TokenEndpoint endpoint) {
		this.tokens.remove(key(connection, endpoint));
	}

	private AccessToken refresh(ResolvedConnection connection, TokenEndpoint endpoint) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", connection.secret(endpoint.refreshTokenField()));
		form.put("client_id", connection.text(endpoint.clientIdField()));
		form.put("client_secret", connection.secret(endpoint.clientSecretField()));
		ProviderResponse response = this.http.to(endpoint.provider(), endpoint.tokenUrl())
			.credential("refresh token")
			.sendForm("POST", "", form);
		JsonNode answer = response.body();
		// Some providers (Zoho) answer a refused refresh with 200 and an "error" field.
		if (response.ok() && answer.hasNonNull("access_token")) {
			long seconds = answer.path("expires_in").asLong(3600);
			return new AccessToken(answer.path("access_token").asText(), this.clock.instant().plusSeconds(seconds),
					answer);
		}
		if (response.status() >= 500 || response.status() == 429) {
			throw response.failure("token endpoint");
		}
		String reason = answer.path("error").asText(String.valueOf(response.status()));
		String message = endpoint.provider() + " refused the refresh token (" + reason + "): reconnect the connection '"
				+ connection.name() + "'";
		this.status.needsReconnect(connection, message);
		throw ConnectorRetryException.builder().errorCode("NEEDS_RECONNECT").message(message).retries(0).build();
	}

	/**
	 * The token is kept per connection and per credentials, so new credentials saved on
	 * the connection never reuse a token issued for the old ones.
	 */
	private static String key(ResolvedConnection connection, TokenEndpoint endpoint) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(endpoint.tokenUrl().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(String.valueOf(connection.text(endpoint.clientIdField())).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(
					String.valueOf(connection.secret(endpoint.refreshTokenField())).getBytes(StandardCharsets.UTF_8));
			return connection.id() + ":" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new ConnectorException("INTERNAL", "SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * An OAuth2 provider's token endpoint and the connection fields that feed it.
	 *
	 * @param provider the provider's display name
	 * @param tokenUrl the token endpoint
	 * @param clientIdField the field with the OAuth client id
	 * @param clientSecretField the secret field with the OAuth client secret
	 * @param refreshTokenField the secret field with the refresh token
	 */
	public record TokenEndpoint(String provider, String tokenUrl, String clientIdField, String clientSecretField,
			String refreshTokenField) {

	}

	/**
	 * An access token.
	 *
	 * @param value the token
	 * @param expiresAt when it lapses
	 * @param answer everything the provider said when issuing it (Zoho adds its API
	 * domain)
	 */
	public record AccessToken(String value, Instant expiresAt, JsonNode answer) {

		@Override
		public String toString() {
			return "AccessToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
