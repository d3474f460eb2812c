package io.brain.workers.connector.wordpress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.sync.SyncedRecord;
import io.brain.workers.outbound.OutboundHttpClient;
import io.camunda.connector.api.error.ConnectorException;

import org.springframework.stereotype.Component;

/**
 * WordPress's REST API ({@code /wp-json/wp/v2}), authenticated with an application
 * password (HTTP Basic), on the shared outbound HTTP stack.
 */
@Component
class WordPressClient {

	/**
	 * WordPress answers at most 100 items a page; 1000 pages is far beyond any site Brain
	 * serves.
	 */
	private static final int MAX_PAGES = 1000;

	private final OutboundHttpClient http;

	private final ObjectMapper json;

	WordPressClient(OutboundHttpClient http, ObjectMapper json) {
		this.http = http;
		this.json = json;
	}

	/**
	 * Creates ({@code id} absent) or updates a post or page.
	 * @param connection the tenant's WordPress connection
	 * @param collection {@code posts} or {@code pages}
	 * @param request what to write
	 * @return what WordPress answered
	 */
	ContentResult write(ResolvedConnection connection, String collection, WriteContentRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		putIfPresent(body, "title", request.title());
		putIfPresent(body, "content", request.content());
		putIfPresent(body, "status", request.status());
		putIfPresent(body, "excerpt", request.excerpt());
		String path = "/wp-json/wp/v2/" + collection + ((request.id() != null) ? "/" + request.id() : "");
		HttpResponse<byte[]> response = send(connection, path, body);
		JsonNode answer = readJson(response);
		if (response.statusCode() >= 400) {
			throw failure(response.statusCode(), answer, collection, request.id());
		}
		return new ContentResult(answer.path("id").asLong(), answer.path("link").asText(null),
				answer.path("status").asText(null), answer.path("title").path("rendered").asText(null));
	}

	/**
	 * Checks the connection's credentials by asking WordPress who they belong to.
	 * @param connection the connection
	 * @return whether WordPress accepted them, in plain words
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		HttpResponse<byte[]> response = send(connection, "GET", "/wp-json/wp/v2/users/me?context=edit", null);
		JsonNode answer = readJson(response);
		if (response.statusCode() == 200) {
			return new ConnectionCheck(true, "Signed in as " + answer.path("name").asText(connection.text("username")));
		}
		return new ConnectionCheck(false, failure(response.statusCode(), answer, "users", null).getMessage());
	}

	/**
	 * Fetches every page of posts or pages, 100 at a time, as long as WordPress's
	 * {@code X-WP-TotalPages} says there are more.
	 * @param connection the connection
	 * @param resource {@code posts} or {@code pages}
	 * @return the records, normalized
	 */
	List<SyncedRecord> fetchAll(ResolvedConnection connection, String resource) {
		List<SyncedRecord> records = new ArrayList<>();
		int totalPages = 1;
		for (int page = 1; page <= totalPages && page <= MAX_PAGES; page++) {
			HttpResponse<byte[]> response = send(connection, "GET",
					"/wp-json/wp/v2/" + resource + "?per_page=100&page=" + page + "&orderby=id&order=asc", null);
			JsonNode answer = readJson(response);
			if (response.statusCode() >= 400) {
				throw failure(response.statusCode(), answer, resource, null);
			}
			totalPages = response.headers().firstValue("X-WP-TotalPages").map(Integer::parseInt).orElse(page);
			answer.forEach((item) -> records.add(normalize(item)));
		}
		return records;
	}

	private static SyncedRecord normalize(JsonNode item) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("slug", item.path("slug").asText(null));
		data.put("excerpt", item.path("excerpt").path("rendered").asText(null));
		data.put("publishedAt", item.path("date_gmt").asText(null));
		String modified = item.path("modified_gmt").asText(null);
		return new SyncedRecord(item.path("id").asText(), item.path("title").path("rendered").asText(null),
				item.path("link").asText(null), item.path("status").asText(null),
				(modified != null) ? LocalDateTime.parse(modified).toInstant(ZoneOffset.UTC) : null, data);
	}

	private HttpResponse<byte[]> send(ResolvedConnection connection, String path, Map<String, Object> body) {
		return send(connection, "POST", path, body);
	}

	private HttpResponse<byte[]> send(ResolvedConnection connection, String method, String path,
			Map<String, Object> body) {
		String site = connection.text("siteUrl").replaceAll("/+$", "");
		String credentials = connection.text("username") + ":" + connection.secret("applicationPassword");
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(site + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.method(method,
						(body != null) ? HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body))
								: HttpRequest.BodyPublishers.noBody())
				.build();
			return this.http.send(request);
		}
		catch (IOException ex) {
			throw new ConnectorException("INVALID_INPUT", "The request cannot be written as JSON", ex);
		}
	}

	/** Says in plain words what WordPress refused, with its status as the error code. */
	private static ConnectorException failure(int status, JsonNode answer, String collection, Long id) {
		String said = answer.path("message").asText("");
		String kind = collection.equals("pages") ? "page" : "post";
		String message = switch (status) {
			case 401 -> "WordPress rejected the application password (401)";
			case 403 -> "WordPress refused: the user may not do this (403)" + (said.isEmpty() ? "" : ": " + said);
			case 404 -> "WordPress has no " + kind + ((id != null) ? " " + id : "") + " (404)";
			default -> "WordPress answered " + status + (said.isEmpty() ? "" : ": " + said);
		};
		return new ConnectorException(String.valueOf(status), message);
	}

	private JsonNode readJson(HttpResponse<byte[]> response) {
		try {
			return this.json.readTree(response.body());
		}
		catch (IOException ex) {
			return this.json.createObjectNode();
		}
	}

	private static void putIfPresent(Map<String, Object> body, String key, Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
