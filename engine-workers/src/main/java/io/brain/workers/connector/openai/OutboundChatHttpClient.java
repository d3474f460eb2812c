package io.brain.workers.connector.openai;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.brain.workers.outbound.OutboundHttpClient;
import io.brain.workers.provider.ProviderResponse;

/**
 * LangChain4j's HTTP seam, implemented over Brain's outbound stack: every call a
 * LangChain4j model makes goes through {@link OutboundHttpClient}, so it gets the SSRF
 * rules, the bounded timeouts and the retries with Retry-After like every other connector
 * call. A refusal comes back to LangChain4j as an {@link HttpException} that carries the
 * answer as a {@link ProviderResponse}, so the connector can word it the same way as the
 * other connectors do. A streamed answer (server-sent events) is read as it arrives, on
 * the caller's thread.
 */
final class OutboundChatHttpClient implements HttpClient {

	private final OutboundHttpClient http;

	private final ObjectMapper json;

	private final String provider;

	private final Duration timeout;

	private OutboundChatHttpClient(OutboundHttpClient http, ObjectMapper json, String provider, Duration timeout) {
		this.http = http;
		this.json = json;
		this.provider = provider;
		this.timeout = timeout;
	}

	@Override
	public SuccessfulHttpResponse execute(HttpRequest request) {
		HttpResponse<byte[]> response = this.http.send(outbound(request));
		int status = response.statusCode();
		if (status < 200 || status >= 300) {
			throw new Refused(
					new ProviderResponse(this.provider, "API key", status, response.headers(), read(response.body())));
		}
		return SuccessfulHttpResponse.builder()
			.statusCode(status)
			.headers(response.headers().map())
			.body(response.body())
			.build();
	}

	/**
	 * Sends a request whose answer streams as server-sent events, and hands each event to
	 * the listener as it arrives, on the caller's thread; a refused answer (after the
	 * outbound stack's retries) goes to the listener as a {@link Refused}.
	 */
	@Override
	public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
		HttpResponse<InputStream> response;
		try {
			response = this.http.stream(outbound(request));
		}
		catch (RuntimeException ex) {
			listener.onError(ex);
			return;
		}
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			if (status < 200 || status >= 300) {
				listener.onError(new Refused(new ProviderResponse(this.provider, "API key", status, response.headers(),
						read(body.readAllBytes()))));
				return;
			}
			listener
				.onOpen(SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).build());
			parser.parse(body, listener);
			listener.onClose();
		}
		catch (IOException | RuntimeException ex) {
			listener.onError(ex);
		}
	}

	/** The request as Brain's outbound stack sends it. */
	private java.net.http.HttpRequest outbound(HttpRequest request) {
		if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
			throw new UnsupportedFeatureException("Multipart requests are not supported through Brain's outbound HTTP");
		}
		java.net.http.HttpRequest.Builder outbound = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
			.method(request.method().name(),
					(request.body() != null)
							? java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8)
							: java.net.http.HttpRequest.BodyPublishers.noBody());
		if (this.timeout != null) {
			outbound.timeout(this.timeout);
		}
		request.headers().forEach((name, values) -> values.forEach((value) -> outbound.header(name, value)));
		return outbound.build();
	}

	private JsonNode read(byte[] body) {
		try {
			JsonNode node = (body != null && body.length > 0) ? this.json.readTree(body) : null;
			return (node != null) ? node : this.json.createObjectNode();
		}
		catch (IOException ex) {
			return this.json.createObjectNode();
		}
	}

	/**
	 * A non-2xx answer (after the outbound stack's retries), as LangChain4j expects it,
	 * with the whole answer for the connector's message.
	 */
	static final class Refused extends HttpException {

		private final transient ProviderResponse response;

		Refused(ProviderResponse response) {
			super(response.status(), response.provider() + " answered " + response.status());
			this.response = response;
		}

		ProviderResponse response() {
			return this.response;
		}

	}

	/**
	 * Builds the client; LangChain4j sets its timeouts, the read timeout bounds a call.
	 */
	static final class Builder implements HttpClientBuilder {

		private final OutboundHttpClient http;

		private final ObjectMapper json;

		private final String provider;

		private Duration connectTimeout;

		private Duration readTimeout;

		Builder(OutboundHttpClient http, ObjectMapper json, String provider) {
			this.http = http;
			this.json = json;
			this.provider = provider;
		}

		@Override
		public Duration connectTimeout() {
			return this.connectTimeout;
		}

		/** The outbound stack's connect timeout applies; this one is only remembered. */
		@Override
		public HttpClientBuilder connectTimeout(Duration timeout) {
			this.connectTimeout = timeout;
			return this;
		}

		@Override
		public Duration readTimeout() {
			return this.readTimeout;
		}

		@Override
		public HttpClientBuilder readTimeout(Duration timeout) {
			this.readTimeout = timeout;
			return this;
		}

		@Override
		public HttpClient build() {
			return new OutboundChatHttpClient(this.http, this.json, this.provider, this.readTimeout);
		}

	}

}
