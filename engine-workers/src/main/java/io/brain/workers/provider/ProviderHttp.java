package io.brain.workers.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.outbound.OutboundHttpClient;
import io.camunda.connector.api.error.ConnectorInputException;

import org.springframework.stereotype.Component;

/**
 * How a connector talks to a provider's REST API: it names the provider, its base address
 * and its credentials once, and sends JSON or form requests through the shared outbound
 * stack (SSRF rules, timeouts, retries with Retry-After). Answers come back as
 * {@link ProviderResponse}, which words refusals the same way for every provider.
 */
@Component
public class ProviderHttp {

	private final OutboundHttpClient http;

	private final ObjectMapper json;

	ProviderHttp(OutboundHttpClient http, ObjectMapper json) {
		this.http = http;
		this.json = json;
	}

	/**
	 * Starts describing calls to a provider.
	 * @param provider its display name, used in every message, e.g. "WordPress"
	 * @param baseUrl the address paths are relative to, without a trailing slash
	 */
	public Api to(String provider, String baseUrl) {
		return new Api(provider, baseUrl.replaceAll("/+$", ""));
	}

	/**
	 * Encodes a query string from name and value pairs, leaving out null values.
	 * @param pairs name, value, name, value...
	 * @return {@code ?a=1&b=2}, or an empty string when nothing is left
	 */
	public static String query(Object... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				values.put(pairs[i].toString(), pairs[i + 1].toString());
			}
		}
		return values.isEmpty() ? "" : "?" + form(values);
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** Encodes one path segment or query value. */
	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Calls to one provider with one set of credentials. */
	public final class Api {

		private final String provider;

		private final String baseUrl;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private String credential = "credentials";

		private Runnable rejected = () -> {
		};

		private Api(String provider, String baseUrl) {
			this.provider = provider;
			this.baseUrl = baseUrl;
			this.headers.put("Accept", "application/json");
		}

		/** Authenticates with {@code Authorization: Bearer <token>}. */
		public Api bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		/** Authenticates with HTTP Basic. */
		public Api basic(String user, String password) {
			String pair = user + ":" + password;
			return header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}

		public Api header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Names the credentials as the provider's users know them, for the message of a
		 * 401: "Stripe rejected the secret key (401)".
		 */
		public Api credential(String name) {
			this.credential = name;
			return this;
		}

		public ProviderResponse get(String path) {
			return send("GET", path, null);
		}

		public ProviderResponse post(String path, Object body) {
			return send("POST", path, body);
		}

		/**
		 * Sends a request with a JSON body.
		 * @param method the HTTP method
		 * @param path the path and query, relative to the base address
		 * @param body what to send as JSON; {@code null} for no body
		 */
		public ProviderResponse send(String method, String path, Object body) {
			if (body == null) {
				return exchange(method, path, null, HttpRequest.BodyPublishers.noBody());
			}
			try {
				return exchange(method, path, "application/json",
						HttpRequest.BodyPublishers.ofByteArray(ProviderHttp.this.json.writeValueAsBytes(body)));
			}
			catch (IOException ex) {
				throw new ConnectorInputException("The request to " + this.provider + " cannot be written as JSON", ex);
			}
		}

		/**
		 * What to do when the provider rejects the credentials (401), besides answering:
		 * e.g. drop a cached OAuth2 access token so the next call refreshes it.
		 */
		public Api whenRejected(Runnable action) {
			this.rejected = action;
			return this;
		}

		/** Sends a request with an {@code application/x-www-form-urlencoded} body. */
		public ProviderResponse sendForm(String method, String path, Map<String, String> form) {
			return exchange(method, path, "application/x-www-form-urlencoded",
					HttpRequest.BodyPublishers.ofString(form(form), StandardCharsets.UTF_8));
		}

		private ProviderResponse exchange(String method, String path, String contentType,
				HttpRequest.BodyPublisher body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(target(path)).method(method, body);
			this.headers.forEach(request::header);
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			HttpResponse<byte[]> response = ProviderHttp.this.http.send(request.build());
			if (response.statusCode() == 401) {
				this.rejected.run();
			}
			return new ProviderResponse(this.provider, this.credential, response.statusCode(), response.headers(),
					read(response.body()));
		}

		private URI target(String path) {
			try {
				return URI.create(this.baseUrl + path);
			}
			catch (IllegalArgumentException ex) {
				throw new ConnectorInputException(
						"The address of " + this.provider + " is not a valid URL: " + ex.getMessage(), ex);
			}
		}

		private JsonNode read(byte[] body) {
			try {
				JsonNode node = (body.length > 0) ? ProviderHttp.this.json.readTree(body) : null;
				return (node != null) ? node : ProviderHttp.this.json.createObjectNode();
			}
			catch (IOException ex) {
				return ProviderHttp.this.json.createObjectNode();
			}
		}

	}

}
