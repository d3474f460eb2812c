package io.brain.workers.connector.fluentcrm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import io.camunda.connector.api.error.ConnectorException;

import org.springframework.stereotype.Component;

/**
 * FluentCRM's REST API ({@code /wp-json/fluent-crm/v2}) on a WordPress site,
 * authenticated with a WordPress application password (HTTP Basic).
 */
@Component
class FluentCrmClient {

	/** The subscription statuses a step may set. */
	static final String STATUSES = "subscribed|pending|unsubscribed|transactional";

	private static final String BASE = "/wp-json/fluent-crm/v2";

	private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ProviderHttp http;

	FluentCrmClient(ProviderHttp http) {
		this.http = http;
	}

	/**
	 * Creates a contact, or updates the one with the same email when asked to
	 * ({@code __force_update}).
	 */
	ContactResult create(ResolvedConnection connection, CreateContactRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", request.email());
		putIfPresent(body, "first_name", request.firstName());
		putIfPresent(body, "last_name", request.lastName());
		putIfPresent(body, "phone", request.phone());
		body.put("status", request.status());
		putIfPresent(body, "lists", request.listIds());
		putIfPresent(body, "tags", request.tagIds());
		if (Boolean.TRUE.equals(request.updateIfExists())) {
			body.put("__force_update", "yes");
		}
		JsonNode answer = api(connection).post(BASE + "/subscribers", body).expect("contact");
		return contact(answer.path("contact"), answer.path("action_type").asText("created"));
	}

	/** Changes the given fields of a contact. */
	ContactResult update(ResolvedConnection connection, UpdateContactRequest request) {
		Map<String, Object> fields = new LinkedHashMap<>();
		putIfPresent(fields, "email", request.email());
		putIfPresent(fields, "first_name", request.firstName());
		putIfPresent(fields, "last_name", request.lastName());
		putIfPresent(fields, "phone", request.phone());
		putIfPresent(fields, "status", request.status());
		JsonNode answer = api(connection)
			.send("PUT", BASE + "/subscribers/" + request.contactId(), Map.of("subscriber", fields))
			.expect("contact " + request.contactId());
		return contact(answer.path("contact"), "updated");
	}

	/** Attaches tags, by slug, to a contact. */
	ContactResult addTags(ResolvedConnection connection, AddTagRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "tags");
		body.put("subscribers", List.of(request.contactId()));
		body.put("attach", request.tags());
		JsonNode answer = api(connection).post(BASE + "/subscribers/sync-segments", body)
			.expect("contact " + request.contactId());
		for (JsonNode contact : answer.path("subscribers")) {
			if (contact.path("id").asLong() == request.contactId()) {
				return contact(contact, "updated");
			}
		}
		// FluentCRM answers an empty list for an id it does not know.
		throw new ConnectorException("404", "FluentCRM has no contact " + request.contactId() + " (404)");
	}

	/**
	 * Checks the credentials and that FluentCRM answers: the first contact, whose page
	 * counts them all.
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = api(connection).get(BASE + "/subscribers" + ProviderHttp.query("per_page", 1));
		if (response.ok()) {
			JsonNode total = response.body().path("subscribers").path("total");
			return ConnectionCheck.ok(total.isMissingNode() ? "Connected to FluentCRM"
					: "Connected to FluentCRM (" + total.asText() + " contacts)");
		}
		return ConnectionCheck.failed(response.message("REST API on this site (is the plugin active?)"));
	}

	/**
	 * Fetches every contact, list or tag, 100 at a time, following FluentCRM's page
	 * numbers ({@code current_page} up to {@code last_page}). FluentCRM cannot filter by
	 * modification time, so every sync is a full read. Its times are in the site's time
	 * zone, which WordPress's REST index tells.
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		ProviderHttp.Api api = api(connection);
		ZoneId zone = siteZone(api);
		String path = switch (resource) {
			case "contacts" -> "/subscribers";
			case "lists" -> "/lists";
			default -> "/tags";
		};
		String key = path.substring(1);
		String site = connection.text("siteUrl").replaceAll("/+$", "");
		List<SyncedRecord> records = Pages.collect("FluentCRM", (next) -> {
			int page = (next != null) ? Integer.parseInt(next) : 1;
			String query = resource.equals("contacts")
					? ProviderHttp.query("per_page", 100, "page", page, "sort_by", "id", "sort_type", "ASC")
					: ProviderHttp.query("per_page", 100, "page", page, "sort_by", "id", "sort_order", "ASC");
			JsonNode answer = api.get(BASE + path + query).expect(resource).path(key);
			// Older FluentCRM versions answer lists and tags as one plain array.
			JsonNode items = answer.isArray() ? answer : answer.path("data");
			List<SyncedRecord> normalized = StreamSupport.stream(items.spliterator(), false)
				.map((item) -> resource.equals("contacts") ? contact(item, site, zone) : segment(item, zone))
				.toList();
			return answer.isArray() ? new Page<>(normalized, null) : Page.numbered(normalized,
					answer.path("current_page").asInt(page), answer.path("last_page").asInt(page));
		});
		return Fetched.all(records);
	}

	/** The site's time zone, or {@code null} when WordPress does not tell it. */
	private static ZoneId siteZone(ProviderHttp.Api api) {
		ProviderResponse index = api.get("/wp-json/" + ProviderHttp.query("_fields", "timezone_string,gmt_offset"));
		if (!index.ok()) {
			return null;
		}
		String name = index.body().path("timezone_string").asText("");
		try {
			if (!name.isBlank()) {
				return ZoneId.of(name);
			}
			JsonNode offset = index.body().path("gmt_offset");
			if (offset.isNumber() || (offset.isTextual() && !offset.asText().isBlank())) {
				return ZoneOffset.ofTotalSeconds((int) Math.round(Double.parseDouble(offset.asText()) * 3600));
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static SyncedRecord contact(JsonNode item, String site, ZoneId zone) {
		String email = text(item, "email");
		String fullName = text(item, "full_name");
		if (fullName == null) {
			fullName = String
				.join(" ", (text(item, "first_name") != null) ? text(item, "first_name") : "",
						(text(item, "last_name") != null) ? text(item, "last_name") : "")
				.trim();
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("email", email);
		data.put("firstName", text(item, "first_name"));
		data.put("lastName", text(item, "last_name"));
		String company = text(item.path("company"), "name");
		if (company != null) {
			data.put("company", company);
		}
		data.put("phone", text(item, "phone"));
		data.put("contactType", text(item, "contact_type"));
		data.put("tags", slugs(item.path("tags")));
		data.put("lists", slugs(item.path("lists")));
		data.put("createdAt", text(item, "created_at"));
		String id = item.path("id").asText();
		return new SyncedRecord(id, fullName.isEmpty() ? email : fullName,
				site + "/wp-admin/admin.php?page=fluentcrm-admin#/subscribers/" + id, text(item, "status"),
				siteTime(item, "updated_at", zone), data);
	}

	private static SyncedRecord segment(JsonNode item, ZoneId zone) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("slug", text(item, "slug"));
		data.put("description", text(item, "description"));
		if (item.has("subscribersCount")) {
			data.put("subscribersCount", item.path("subscribersCount").asLong());
		}
		return new SyncedRecord(item.path("id").asText(), text(item, "title"), null, null,
				siteTime(item, "updated_at", zone), data);
	}

	private static ContactResult contact(JsonNode contact, String action) {
		JsonNode tags = contact.path("tags");
		return new ContactResult(contact.path("id").asLong(), text(contact, "email"), text(contact, "first_name"),
				text(contact, "last_name"), text(contact, "status"), tags.isArray() ? slugs(tags) : null, action);
	}

	private static List<String> slugs(JsonNode segments) {
		return StreamSupport.stream(segments.spliterator(), false)
			.map((segment) -> text(segment, "slug"))
			.filter((slug) -> slug != null)
			.toList();
	}

	/** A FluentCRM time ({@code 2024-03-01 14:30:00}, in the site's time zone). */
	private static Instant siteTime(JsonNode item, String field, ZoneId zone) {
		String value = text(item, field);
		if (value == null || zone == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(value, MYSQL).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String text(JsonNode item, String field) {
		JsonNode value = item.path(field);
		return (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) ? value.asText() : null;
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		return this.http.to("FluentCRM", connection.text("siteUrl"))
			.basic(connection.text("username"), connection.secret("applicationPassword"))
			.credential("application password");
	}

	private static void putIfPresent(Map<String, Object> body, String key, Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

}
