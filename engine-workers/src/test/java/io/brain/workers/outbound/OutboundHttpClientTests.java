package io.brain.workers.outbound;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.brain.core.testing.RecordingHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundHttpClientTests {

	private final RecordingHttpServer server = RecordingHttpServer.start();

	private final OutboundHttpClient client = new OutboundHttpClient(
			new OutboundHttpProperties(List.of("127.0.0.1/32"), Duration.ofSeconds(2), Duration.ofSeconds(5),
					Duration.ofSeconds(10), 3, Duration.ofMillis(10), Duration.ofSeconds(5)));

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void sendWhenProviderAnswers429WithRetryAfterThenWaitsAndRetries() {
		this.server.answer(429, Map.of("Retry-After", "1"), "");
		long started = System.nanoTime();
		HttpResponse<byte[]> response = this.client.send(get("/limited"));
		Duration waited = Duration.ofNanos(System.nanoTime() - started);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.server.received()).isEqualTo(2);
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void sendWhenProviderFailsEveryTryThenReturnsLastAnswerAfterMaxAttempts() {
		this.server.answer(503, Map.of(), "").answer(502, Map.of(), "").answer(500, Map.of(), "down");
		HttpResponse<byte[]> response = this.client.send(get("/down"));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(this.server.received()).isEqualTo(3);
	}

	@Test
	void sendWhenProviderAnswers4xxThenDoesNotRetry() {
		this.server.answer(404, Map.of(), "");
		assertThat(this.client.send(get("/missing")).statusCode()).isEqualTo(404);
		assertThat(this.server.received()).isEqualTo(1);
	}

	@Test
	void sendWhenNothingListensThenSaysUnreachable() {
		URI closed = URI.create(this.server.url("/"));
		this.server.close();
		assertThatThrownBy(() -> this.client.send(HttpRequest.newBuilder(closed).build()))
			.isInstanceOf(OutboundCallException.class)
			.hasMessageStartingWith("http://127.0.0.1:" + closed.getPort() + " could not be reached");
	}

	@Test
	void streamWhenProviderAnswers503FirstThenTriesAgainAndHandsOverTheOpenBody() throws Exception {
		this.server.answer(503, Map.of(), "busy")
			.answer(200, Map.of("Content-Type", "text/event-stream"), "data: hi\n\n");
		HttpResponse<java.io.InputStream> response = this.client.stream(get("/events"));
		try (java.io.InputStream body = response.body()) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo("data: hi\n\n");
		}
		assertThat(this.server.received()).isEqualTo(2);
	}

	@Test
	void streamWhenTheAddressIsRefusedThenNothingIsSent() {
		OutboundHttpClient nothingAllowed = new OutboundHttpClient(
				new OutboundHttpProperties(List.of(), Duration.ofSeconds(2), Duration.ofSeconds(5),
						Duration.ofSeconds(10), 3, Duration.ofMillis(10), Duration.ofSeconds(5)));
		assertThatThrownBy(() -> nothingAllowed.stream(get("/events"))).isInstanceOf(BlockedAddressException.class);
		assertThat(this.server.received()).isZero();
	}

	@Test
	void parseRetryAfterWhenHttpDateThenWaitsUntilThen() {
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
		assertThat(OutboundHttpClient.parseRetryAfter(inTenSeconds))
			.hasValueSatisfying((wait) -> assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
		assertThat(OutboundHttpClient.parseRetryAfter("120")).contains(Duration.ofMinutes(2));
		assertThat(OutboundHttpClient.parseRetryAfter("soon")).isEmpty();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(this.server.url(path))).build();
	}

}
