package io.brain.workers.connector.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.Pages;
import io.brain.workers.provider.Pages.Page;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.brain.workers.sync.Fetched;
import io.brain.workers.sync.SyncedRecord;

import org.springframework.stereotype.Component;

/**
 * WordPress's REST API ({@code /wp-json/wp/v2}), authenticated with an application
 * password (HTTP Basic).
 */
@Component
class WordPressClient {

	private final ProviderHttp http;

	WordPressClient(ProviderHttp http) {
		this.http = http;
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
		String kind = collection.equals("pages") ? "page" : "post";
		JsonNode answer = api(connection).post(path, body)
			.expect(kind + ((request.id() != null) ? " " + request.id() : ""));
		return new ContentResult(answer.path("id").asLong(), answer.path("link").asText(null),
				answer.path("status").asText(null), answer.path("title").path("rendered").asText(null));
	}

	/**
	 * Checks the connection's credentials by asking WordPress who they belong to.
	 * @param connection the connection
	 * @return whether WordPress accepted them, in plain words
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = api(connection).get("/wp-json/wp/v2/users/me?context=edit");
		if (response.ok()) {
			return ConnectionCheck
				.ok("Signed in as " + response.body().path("name").asText(connection.text("username")));
		}
		return ConnectionCheck.failed(response.message("user"));
	}

	/**
	 * Fetches every page of posts or pages (changed since a time, when given, by
	 * {@code modified_after} with an offset), 100 at a time, as long as WordPress's
	 * {@code X-WP-TotalPages} says there are more.
	 * @param connection the connection
	 * @param resource {@code posts} or {@code pages}
	 * @param changedSince only what was modified after this, or {@code null} for all
	 * @return the records, normalized
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		ProviderHttp.Api api = api(connection);
		// With its offset: WordPress reads a time without one in the site's zone, not in
		// UTC.
		String modifiedAfter = (changedSince != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(changedSince.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)) : null;
		List<SyncedRecord> records = Pages.collect("WordPress", (next) -> {
			int page = (next != null) ? Integer.parseInt(next) : 1;
			ProviderResponse response = api.get("/wp-json/wp/v2/" + resource + ProviderHttp.query("per_page", 100,
					"page", page, "orderby", "id", "order", "asc", "modified_after", modifiedAfter));
			List<SyncedRecord> items = StreamSupport.stream(response.expect(resource).spliterator(), false)
				.map(WordPressClient::normalize)
				.toList();
			return Page.numbered(items, page, response.header("X-WP-TotalPages").map(Integer::parseInt).orElse(page));
		});
		return Fetched.since(changedSince, records);
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

	private ProviderHttp.Api api(ResolvedConnection connection) {
		return this.http.to("WordPress", connection.text("siteUrl"))
			.basic(connection.text("username"), connection.secret("applicationPassword"))
			.credential("application password");
	}

	private static void putIfPresent(Map<String, Object> body, String key, Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
