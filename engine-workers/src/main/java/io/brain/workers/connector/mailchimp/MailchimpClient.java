package io.brain.workers.connector.mailchimp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import io.camunda.connector.api.error.ConnectorInputException;

import org.springframework.stereotype.Component;

/**
 * Mailchimp's Marketing API 3.0 ({@code https://<dc>.api.mailchimp.com/3.0}, the data
 * centre taken from the API key's suffix), authenticated with HTTP Basic and the API key
 * as password.
 */
@Component
class MailchimpClient {

	/** How many records Mailchimp answers per page at most. */
	static final int PAGE_SIZE = 1000;

	/** A key ends with its data centre, e.g. {@code -us21}. */
	static final Pattern DATA_CENTRE = Pattern.compile("-([a-z]{2,4}[0-9]{1,3})$");

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	MailchimpClient(ProviderHttp http, ProviderEndpoints endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/**
	 * Adds a member or changes the one with that address: {@code PUT
	 * /lists/{list_id}/members/{subscriber_hash}}, then the tags, if any.
	 */
	MemberResult upsertMember(ResolvedConnection connection, UpsertMemberRequest request) {
		ProviderHttp.Api api = api(connection);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email_address", request.email());
		body.put("status_if_new", (request.statusIfNew() != null) ? request.statusIfNew() : "subscribed");
		if (request.status() != null && !request.status().isBlank()) {
			body.put("status", request.status());
		}
		Map<String, Object> mergeFields = request.allMergeFields();
		if (!mergeFields.isEmpty()) {
			body.put("merge_fields", mergeFields);
		}
		JsonNode member = api.send("PUT", memberPath(request.audienceId(), request.email()), body)
			.expect("audience " + request.audienceId());
		List<String> tags = (request.tags() != null) ? request.tags() : List.of();
		if (!tags.isEmpty()) {
			tag(api, request.audienceId(), request.email(), tags, List.of());
		}
		JsonNode fields = member.path("merge_fields");
		return new MemberResult(member.path("id").asText(null), member.path("email_address").asText(null),
				member.path("status").asText(null), member.path("list_id").asText(request.audienceId()),
				text(fields, "FNAME"), text(fields, "LNAME"), tags);
	}

	/**
	 * Adds tags to a member and takes others off: {@code POST
	 * /lists/{list_id}/members/{subscriber_hash}/tags}.
	 */
	TagsResult addTags(ResolvedConnection connection, AddTagsRequest request) {
		List<String> removed = (request.removeTags() != null) ? request.removeTags() : List.of();
		tag(api(connection), request.audienceId(), request.email(), request.tags(), removed);
		return new TagsResult(request.audienceId(), request.email(), request.tags(), removed);
	}

	private static void tag(ProviderHttp.Api api, String audienceId, String email, List<String> add,
			List<String> remove) {
		List<Map<String, String>> tags = new ArrayList<>();
		add.forEach((name) -> tags.add(Map.of("name", name, "status", "active")));
		remove.forEach((name) -> tags.add(Map.of("name", name, "status", "inactive")));
		api.post(memberPath(audienceId, email) + "/tags", Map.of("tags", tags))
			.expect("member " + email + " in audience " + audienceId);
	}

	/** Checks the key by asking Mailchimp whose account it opens: {@code GET /}. */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = api(connection).get("/" + ProviderHttp.query("fields", "account_name,email"));
		if (response.ok()) {
			return ConnectionCheck
				.ok("Signed in to Mailchimp account " + response.body().path("account_name").asText("?"));
		}
		return ConnectionCheck.failed(response.message("account"));
	}

	/**
	 * Fetches the audiences, or the members of every audience (changed since a time, when
	 * given, with {@code since_last_changed}), up to 1000 a page by {@code count} and
	 * {@code offset}, the next offset after what the page held, until
	 * {@code total_items}.
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		ProviderHttp.Api api = api(connection);
		List<JsonNode> audiences = collect(api, "/lists", "lists", Map.of(), "audiences");
		if (resource.equals("audiences")) {
			return Fetched.all(audiences.stream().map(MailchimpClient::audience).toList());
		}
		String since = (changedSince != null) ? SINCE.format(changedSince.atOffset(ZoneOffset.UTC)) : null;
		List<SyncedRecord> members = new ArrayList<>();
		for (JsonNode audience : audiences) {
			String id = audience.path("id").asText();
			Map<String, Object> filter = (since != null) ? Map.of("since_last_changed", since) : Map.of();
			collect(api, "/lists/" + ProviderHttp.encode(id) + "/members", "members", filter, "audience " + id)
				.forEach((member) -> members.add(member(id, member)));
		}
		return Fetched.since(changedSince, members);
	}

	private static List<JsonNode> collect(ProviderHttp.Api api, String path, String field, Map<String, Object> filter,
			String subject) {
		return Pages.collect("Mailchimp", (next) -> {
			int offset = (next != null) ? Integer.parseInt(next) : 0;
			List<Object> pairs = new ArrayList<>(List.of("count", PAGE_SIZE, "offset", offset));
			filter.forEach((name, value) -> {
				pairs.add(name);
				pairs.add(value);
			});
			JsonNode answer = api.get(path + ProviderHttp.query(pairs.toArray())).expect(subject);
			List<JsonNode> items = StreamSupport.stream(answer.path(field).spliterator(), false).toList();
			int end = offset + items.size();
			return new Page<>(items,
					(!items.isEmpty() && end < answer.path("total_items").asInt()) ? String.valueOf(end) : null);
		});
	}

	private static SyncedRecord audience(JsonNode list) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("memberCount", list.path("stats").path("member_count").asInt());
		data.put("webId", list.path("web_id").asText(null));
		data.put("createdAt", list.path("date_created").asText(null));
		return new SyncedRecord(list.path("id").asText(), list.path("name").asText(null),
				list.path("subscribe_url_short").asText(null), null, null, data);
	}

	private static SyncedRecord member(String audienceId, JsonNode member) {
		JsonNode fields = member.path("merge_fields");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("email", member.path("email_address").asText(null));
		data.put("firstName", text(fields, "FNAME"));
		data.put("lastName", text(fields, "LNAME"));
		data.put("audienceId", audienceId);
		String fullName = member.path("full_name").asText("");
		String changed = member.path("last_changed").asText(null);
		return new SyncedRecord(audienceId + ":" + member.path("id").asText(),
				fullName.isBlank() ? member.path("email_address").asText(null) : fullName, null,
				member.path("status").asText(null),
				(changed != null && !changed.isBlank()) ? OffsetDateTime.parse(changed).toInstant() : null, data);
	}

	private static String text(JsonNode fields, String name) {
		String value = fields.path(name).asText("");
		return value.isEmpty() ? null : value;
	}

	/** Mailchimp names a member by the MD5 hash of its lowercased address. */
	static String subscriberHash(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5")
				.digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every Java runtime", ex);
		}
	}

	private static String memberPath(String audienceId, String email) {
		return "/lists/" + ProviderHttp.encode(audienceId) + "/members/" + subscriberHash(email);
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		String key = (connection.secret("apiKey") != null) ? connection.secret("apiKey").trim() : "";
		String base = this.endpoints.url("mailchimp", null);
		return this.http.to("Mailchimp", (base != null) ? base : baseUrl(key))
			.basic("brain", key)
			.credential("API key");
	}

	/**
	 * The address of the data centre an API key belongs to: the key ends with it, e.g.
	 * {@code -us21} for {@code https://us21.api.mailchimp.com/3.0}.
	 */
	static String baseUrl(String key) {
		Matcher dataCentre = DATA_CENTRE.matcher(key);
		if (!dataCentre.find()) {
			throw new ConnectorInputException(
					"The Mailchimp API key has no data centre at its end (such as -us21); copy the whole key");
		}
		return "https://" + dataCentre.group(1) + ".api.mailchimp.com/3.0";
	}

}
