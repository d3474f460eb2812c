package io.brain.workers.provider;

import java.net.http.HttpHeaders;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.workers.outbound.OutboundHttpClient;
import io.camunda.connector.api.error.ConnectorException;

/**
 * A provider's answer: its status, headers and JSON body (an empty object when it sent
 * none or no JSON).
 *
 * @param provider the provider's display name
 * @param credential how its users name the credentials
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the JSON body
 */
public record ProviderResponse(String provider, String credential, int status, HttpHeaders headers, JsonNode body) {

	public boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/**
	 * The body of a successful answer.
	 * @param subject what was asked for, named for a 404: "post 7", "contact"
	 * @throws ConnectorException saying in plain words what the provider refused
	 */
	public JsonNode expect(String subject) {
		if (!ok()) {
			throw failure(subject);
		}
		return this.body;
	}

	public Optional<String> header(String name) {
		return this.headers.firstValue(name);
	}

	/**
	 * The failure of this answer as a job error whose code is the status, in plain words:
	 * "WordPress rejected the application password (401)", "Stripe has no charge ch_1
	 * (404)", "HubSpot answered 400: Property email is invalid". The BPMN element
	 * templates turn 400, 404, 409 and 422 into BPMN errors a model can catch; 429 and
	 * 5xx are transient and retried with backoff.
	 * @param subject what was asked for, named for a 404
	 */
	public ConnectorException failure(String subject) {
		return new ConnectorException(String.valueOf(this.status), message(subject));
	}

	/** The same plain words as {@link #failure(String)}. */
	public String message(String subject) {
		String said = said();
		String detail = said.isEmpty() ? "" : ": " + said;
		return switch (this.status) {
			case 401 -> this.provider + " rejected the " + this.credential + " (401)";
			case 403 -> this.provider + " refused: the " + this.credential + " may not do this (403)" + detail;
			case 404 -> this.provider + " has no " + subject + " (404)";
			case 429 -> this.provider + " is limiting requests (429)" + detail;
			default -> this.provider + " answered " + this.status
					+ (OutboundHttpClient.isTransient(this.status) ? " (still after retries)" : "") + detail;
		};
	}

	/**
	 * What the provider said about an error, wherever it puts it: {@code message},
	 * {@code error.message}, {@code error} (text), {@code detail},
	 * {@code errors[0].message}, {@code errors} (text), {@code title}.
	 */
	public String said() {
		for (JsonNode candidate : new JsonNode[] { this.body.path("error").path("message"), this.body.path("message"),
				this.body.path("detail"), this.body.path("errors").path(0).path("message"), this.body.path("errors"),
				this.body.path("error"), this.body.path("title") }) {
			if (candidate.isTextual() && !candidate.asText().isBlank()) {
				return candidate.asText().trim();
			}
		}
		return "";
	}

}
