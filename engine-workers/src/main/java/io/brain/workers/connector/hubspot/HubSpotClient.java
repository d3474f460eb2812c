package io.brain.workers.connector.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.Pages;
import io.brain.workers.provider.Pages.Page;
import io.brain.workers.provider.ProviderEndpoints;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.brain.workers.sync.Fetched;
import io.brain.workers.sync.SyncedRecord;
import io.camunda.connector.api.error.ConnectorException;

import org.springframework.stereotype.Component;

/**
 * HubSpot's CRM v3 objects API ({@code https://api.hubapi.com/crm/v3/objects}),
 * authenticated with a private app's access token (Bearer).
 */
@Component
class HubSpotClient {

	static final String BASE_URL = "https://api.hubapi.com";

	/**
	 * The search API answers at most this many results for one query; paging beyond them
	 * is refused with a 400.
	 */
	static final int SEARCH_LIMIT = 10_000;

	/** The properties a sync reads of each object. */
	static final Map<String, List<String>> PROPERTIES = Map.of("contacts",
			List.of("email", "firstname", "lastname", "company", "lifecyclestage"), "companies",
			List.of("name", "domain", "industry", "city", "country"), "deals",
			List.of("dealname", "amount", "dealstage", "pipeline", "closedate"));

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	HubSpotClient(ProviderHttp http, ProviderEndpoints endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/** Creates a contact: {@code POST /crm/v3/objects/contacts}. */
	ContactResult createContact(ResolvedConnection connection, ContactRequest request) {
		JsonNode answer = api(connection)
			.post("/crm/v3/objects/contacts", Map.of("properties", request.hubSpotProperties()))
			.expect("contacts");
		return contact(answer, true);
	}

	/**
	 * Changes a contact named by id or by email: {@code PATCH
	 * /crm/v3/objects/contacts/{id}} or {@code PATCH
	 * /crm/v3/objects/contacts/{email}?idProperty=email}.
	 */
	ContactResult updateContact(ResolvedConnection connection, UpdateContactRequest request) {
		String path = "/crm/v3/objects/contacts/" + (request.byId() ? ProviderHttp.encode(request.contactId())
				: ProviderHttp.encode(request.email()) + ProviderHttp.query("idProperty", "email"));
		String subject = request.byId() ? "contact " + request.contactId() : "contact with email " + request.email();
		JsonNode answer = api(connection).send("PATCH", path, Map.of("properties", request.hubSpotProperties()))
			.expect(subject);
		return contact(answer, false);
	}

	/**
	 * Creates the contact with an email address, or changes it when HubSpot has one:
	 * {@code POST /crm/v3/objects/contacts/batch/upsert} with {@code idProperty=email}.
	 */
	ContactResult upsertContact(ResolvedConnection connection, ContactRequest request) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("id", request.email());
		input.put("idProperty", "email");
		input.put("properties", request.hubSpotProperties());
		ProviderResponse response = api(connection).post("/crm/v3/objects/contacts/batch/upsert",
				Map.of("inputs", List.of(input)));
		JsonNode answer = response.expect("contacts");
		JsonNode error = answer.path("errors").path(0);
		if (!error.isMissingNode() || answer.path("results").isEmpty()) {
			// A batch answers 207 with the errors of its inputs.
			throw new ConnectorException("400", "HubSpot did not write the contact " + request.email() + ": "
					+ error.path("message").asText("no result"));
		}
		JsonNode result = answer.path("results").path(0);
		return contact(result, result.path("new").asBoolean(false));
	}

	/**
	 * Checks the token by reading one contact, which needs the scope the connector needs
	 * anyway.
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = api(connection).get("/crm/v3/objects/contacts" + ProviderHttp.query("limit", 1));
		if (response.ok()) {
			return ConnectionCheck.ok("HubSpot accepted the access token and can read contacts");
		}
		return ConnectionCheck.failed(response.message("contacts"));
	}

	/**
	 * Fetches contacts, companies or deals 100 at a time, following
	 * {@code paging.next.after}: everything through the objects list, or, when only
	 * changes are asked for, through the search API filtered on the last modification
	 * date, sorted by it. The search API answers at most 10,000 results, so with more
	 * changes than that the sync reads everything instead.
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		ProviderHttp.Api api = api(connection);
		List<String> properties = PROPERTIES.get(resource);
		if (changedSince == null) {
			return Fetched.all(list(api, resource, properties));
		}
		String modified = resource.equals("contacts") ? "lastmodifieddate" : "hs_lastmodifieddate";
		JsonNode first = search(api, resource, properties, modified, changedSince, null);
		if (first.path("total").asLong() > SEARCH_LIMIT) {
			return Fetched.all(list(api, resource, properties));
		}
		List<SyncedRecord> records = Pages.collect("HubSpot", (after) -> page(resource,
				(after != null) ? search(api, resource, properties, modified, changedSince, after) : first));
		return Fetched.since(changedSince, records);
	}

	private static List<SyncedRecord> list(ProviderHttp.Api api, String resource, List<String> properties) {
		return Pages.collect("HubSpot",
				(after) -> page(resource, api
					.get("/crm/v3/objects/" + resource
							+ ProviderHttp.query("limit", 100, "properties", String.join(",", properties), "archived",
									false, "after", after))
					.expect(resource)));
	}

	private static JsonNode search(ProviderHttp.Api api, String resource, List<String> properties, String modified,
			Instant changedSince, String after) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("filterGroups", List.of(Map.of("filters", List.of(Map.of("propertyName", modified, "operator", "GTE",
				"value", String.valueOf(changedSince.toEpochMilli()))))));
		body.put("sorts", List.of(Map.of("propertyName", modified, "direction", "ASCENDING")));
		body.put("properties", properties);
		body.put("limit", 100);
		if (after != null) {
			body.put("after", after);
		}
		return api.post("/crm/v3/objects/" + resource + "/search", body).expect(resource);
	}

	private static Page<SyncedRecord> page(String resource, JsonNode answer) {
		List<SyncedRecord> records = StreamSupport.stream(answer.path("results").spliterator(), false)
			.map((item) -> normalize(resource, item))
			.toList();
		String after = answer.path("paging").path("next").path("after").asText(null);
		return new Page<>(records, after);
	}

	private static SyncedRecord normalize(String resource, JsonNode item) {
		JsonNode properties = item.path("properties");
		Map<String, Object> data = new LinkedHashMap<>();
		String title;
		String url = null;
		String status = null;
		switch (resource) {
			case "contacts" -> {
				data.put("email", text(properties, "email"));
				data.put("firstName", text(properties, "firstname"));
				data.put("lastName", text(properties, "lastname"));
				data.put("company", text(properties, "company"));
				String name = String.join(" ",
						Stream.of(text(properties, "firstname"), text(properties, "lastname"))
							.filter((part) -> part != null && !part.isBlank())
							.toList());
				title = name.isEmpty() ? text(properties, "email") : name;
				status = text(properties, "lifecyclestage");
			}
			case "companies" -> {
				title = text(properties, "name");
				String domain = text(properties, "domain");
				url = (domain != null && !domain.isBlank()) ? "https://" + domain : null;
				data.put("domain", domain);
				data.put("industry", text(properties, "industry"));
				data.put("city", text(properties, "city"));
				data.put("country", text(properties, "country"));
			}
			default -> {
				title = text(properties, "dealname");
				status = text(properties, "dealstage");
				data.put("amount", text(properties, "amount"));
				data.put("pipeline", text(properties, "pipeline"));
				data.put("closeDate", text(properties, "closedate"));
			}
		}
		String updatedAt = item.path("updatedAt").asText(null);
		return new SyncedRecord(item.path("id").asText(), title, url, status,
				(updatedAt != null) ? Instant.parse(updatedAt) : null, data);
	}

	private static ContactResult contact(JsonNode answer, boolean created) {
		JsonNode properties = answer.path("properties");
		return new ContactResult(answer.path("id").asText(null), text(properties, "email"),
				text(properties, "firstname"), text(properties, "lastname"), text(properties, "company"), created,
				answer.path("updatedAt").asText(null));
	}

	private static String text(JsonNode properties, String name) {
		JsonNode value = properties.path(name);
		return (value.isNull() || value.isMissingNode()) ? null : value.asText();
	}

	/**
	 * The properties of a contact by HubSpot's internal names, leaving out what is empty.
	 */
	static Map<String, String> contactProperties(String email, String firstName, String lastName, String company,
			String phone, Map<String, String> more) {
		Map<String, String> properties = new LinkedHashMap<>();
		if (more != null) {
			properties.putAll(more);
		}
		putIfPresent(properties, "email", email);
		putIfPresent(properties, "firstname", firstName);
		putIfPresent(properties, "lastname", lastName);
		putIfPresent(properties, "company", company);
		putIfPresent(properties, "phone", phone);
		return properties;
	}

	private static void putIfPresent(Map<String, String> properties, String name, String value) {
		if (value != null && !value.isBlank()) {
			properties.put(name, value);
		}
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		return this.http.to("HubSpot", this.endpoints.url("hubspot", BASE_URL))
			.bearer(connection.secret("accessToken"))
			.credential("private app access token");
	}

}
