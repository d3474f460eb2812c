package io.brain.workers.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;

/**
 * The one HTTP stack every connector calls providers through.
 * <p>
 * It checks the target against the SSRF rules, applies timeouts, and retries 429, 5xx and
 * network errors with exponential backoff, waiting as long as the provider's
 * {@code Retry-After} asks (up to {@code brain.outbound.max-backoff}).
 */
public class OutboundHttpClient {

	/**
	 * Failsafe falls back to the configured backoff when the delay function answers a
	 * negative delay.
	 */
	private static final Duration NO_RETRY_AFTER = Duration.ofMillis(-1);

	private final HttpClient http;

	private final OutboundAddressPolicy addressPolicy;

	private final OutboundHttpProperties properties;

	public OutboundHttpClient(OutboundHttpProperties properties) {
		this.properties = properties;
		this.addressPolicy = new OutboundAddressPolicy(properties.allowedNetworks());
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends a request, retrying transient failures.
	 * @param request the request; its timeout is clamped to the configured maximum
	 * @return the last response, which may still be a 429 or 5xx when every try failed
	 * @throws BlockedAddressException when the SSRF rules refuse the URL
	 * @throws OutboundCallException when no response came back at all
	 */
	public HttpResponse<byte[]> send(HttpRequest request) {
		this.addressPolicy.check(request.uri());
		HttpRequest bounded = withBoundedTimeout(request);
		RetryPolicy<HttpResponse<byte[]>> retries = RetryPolicy.<HttpResponse<byte[]>>builder()
			.handleResultIf((response) -> isTransient(response.statusCode()))
			.handle(IOException.class)
			.withMaxAttempts(Math.max(1, this.properties.maxAttempts()))
			.withBackoff(this.properties.initialBackoff(), this.properties.maxBackoff())
			.withDelayFn((context) -> retryAfter(context.getLastResult()).orElse(NO_RETRY_AFTER))
			.build();
		try {
			return Failsafe.with(retries).get(() -> this.http.send(bounded, HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (FailsafeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new OutboundCallException(request.uri(), cause);
		}
	}

	/**
	 * Sends a request whose answer is read as it arrives (server-sent events), retrying
	 * transient failures until the answer's head has come: once the body is being read,
	 * nothing is sent again.
	 * @return the response, its body open for reading; the caller closes it
	 * @throws BlockedAddressException when the SSRF rules refuse the URL
	 * @throws OutboundCallException when no response came back at all
	 */
	public HttpResponse<InputStream> stream(HttpRequest request) {
		this.addressPolicy.check(request.uri());
		HttpRequest bounded = withBoundedTimeout(request);
		RetryPolicy<HttpResponse<InputStream>> retries = RetryPolicy.<HttpResponse<InputStream>>builder()
			.handleResultIf((response) -> isTransient(response.statusCode()))
			.handle(IOException.class)
			.withMaxAttempts(Math.max(1, this.properties.maxAttempts()))
			.withBackoff(this.properties.initialBackoff(), this.properties.maxBackoff())
			.withDelayFn((context) -> retryAfter(context.getLastResult()).orElse(NO_RETRY_AFTER))
			// A refused answer that is tried again is not read: its connection is freed.
			.onRetry((event) -> closeQuietly(event.getLastResult()))
			.build();
		try {
			return Failsafe.with(retries).get(() -> this.http.send(bounded, HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (FailsafeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new OutboundCallException(request.uri(), cause);
		}
	}

	private static void closeQuietly(HttpResponse<InputStream> response) {
		if (response != null) {
			try {
				response.body().close();
			}
			catch (IOException ex) {
				// Nothing more to free.
			}
		}
	}

	public static boolean isTransient(int status) {
		return status == 429 || status >= 500;
	}

	private HttpRequest withBoundedTimeout(HttpRequest request) {
		Duration asked = request.timeout().orElse(this.properties.defaultTimeout());
		Duration timeout = (asked.compareTo(this.properties.maxTimeout()) > 0) ? this.properties.maxTimeout() : asked;
		return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
	}

	/**
	 * How long the provider asked to wait, from {@code Retry-After} in seconds or as an
	 * HTTP date, capped at the maximum backoff.
	 */
	Optional<Duration> retryAfter(HttpResponse<?> response) {
		if (response == null) {
			return Optional.empty();
		}
		return response.headers().firstValue("Retry-After").flatMap(OutboundHttpClient::parseRetryAfter).map((wait) -> {
			Duration max = this.properties.maxBackoff();
			return (wait.compareTo(max) > 0) ? max : wait;
		});
	}

	static Optional<Duration> parseRetryAfter(String value) {
		String trimmed = value.trim();
		try {
			return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed))));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
			}
			catch (DateTimeParseException notADate) {
				return Optional.empty();
			}
		}
	}

}
