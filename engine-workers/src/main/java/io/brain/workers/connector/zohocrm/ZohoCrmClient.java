package io.brain.workers.connector.zohocrm;

import java.time.Instant;
import java.time.OffsetDateTime;
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
import io.brain.workers.provider.OAuth2Tokens;
import io.brain.workers.provider.OAuth2Tokens.AccessToken;
import io.brain.workers.provider.OAuth2Tokens.TokenEndpoint;
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
 * Zoho CRM's REST API v8 ({@code https://www.zohoapis.<dc>/crm/v8}), authenticated with
 * an OAuth2 access token ({@code Authorization: Zoho-oauthtoken ...}) that
 * {@link OAuth2Tokens} refreshes from the connection's refresh token at the accounts
 * server of the connection's data centre.
 */
@Component
class ZohoCrmClient {

	static final String PROVIDER = "Zoho CRM";

	/** Records per page: Zoho's maximum. */
	static final int PER_PAGE = 200;

	/** The modules the sync resources read and the fields asked for each. */
	static final Map<String, String> MODULES = Map.of("contacts", "Contacts", "leads", "Leads", "deals", "Deals");

	static final Map<String, String> FIELDS = Map.of("contacts",
			"First_Name,Last_Name,Full_Name,Email,Account_Name,Modified_Time", "leads",
			"First_Name,Last_Name,Full_Name,Email,Company,Lead_Status,Modified_Time", "deals",
			"Deal_Name,Stage,Amount,Closing_Date,Account_Name,Modified_Time");

	/** {@code If-Modified-Since} as Zoho documents it: ISO 8601 with an offset. */
	static final DateTimeFormatter MODIFIED_SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

	private final ProviderHttp http;

	private final OAuth2Tokens tokens;

	private final ProviderEndpoints endpoints;

	ZohoCrmClient(ProviderHttp http, OAuth2Tokens tokens, ProviderEndpoints endpoints) {
		this.http = http;
		this.tokens = tokens;
		this.endpoints = endpoints;
	}

	/**
	 * Creates a record ({@code POST /{module}}).
	 * @param connection the tenant's Zoho CRM connection
	 * @param module Contacts, Leads, Deals or Accounts
	 * @param fields the record's fields by API name
	 * @return what Zoho answered about the record
	 */
	RecordResult create(ResolvedConnection connection, String module, Map<String, Object> fields) {
		ProviderResponse response = session(connection, Map.of()).send("POST", "/" + module,
				Map.of("data", List.of(fields)));
		return written(response, module, module + " record");
	}

	/**
	 * Changes a record ({@code PUT /{module}/{id}}).
	 * @param connection the tenant's Zoho CRM connection
	 * @param module Contacts, Leads, Deals or Accounts
	 * @param recordId the record's id
	 * @param fields the fields to change by API name
	 * @return what Zoho answered about the record
	 */
	RecordResult update(ResolvedConnection connection, String module, String recordId, Map<String, Object> fields) {
		ProviderResponse response = session(connection, Map.of()).send("PUT",
				"/" + module + "/" + ProviderHttp.encode(recordId), Map.of("data", List.of(fields)));
		return written(response, module, module + " record " + recordId);
	}

	/**
	 * Zoho answers a write with one entry per record in {@code data}; a record it refused
	 * has {@code status: error}, inside a 2xx answer as well as a 400.
	 */
	private static RecordResult written(ProviderResponse response, String module, String subject) {
		JsonNode entry = response.body().path("data").path(0);
		if ("error".equals(entry.path("status").asText())) {
			throw refused(response.status(), entry, subject);
		}
		response.expect(subject);
		JsonNode details = entry.path("details");
		return new RecordResult(details.path("id").asText(null), module, details.path("Modified_Time").asText(null));
	}

	/**
	 * A record Zoho refused, in plain words; the code is 409 for a duplicate, else the
	 * HTTP status (422 when Zoho answered 2xx).
	 */
	static ConnectorException refused(int status, JsonNode entry, String subject) {
		String code = entry.path("code").asText("");
		String said = entry.path("message").asText(code);
		JsonNode details = entry.path("details");
		String field = details.path("api_name").asText(null);
		String words = switch (code) {
			case "MANDATORY_NOT_FOUND" -> "the required field " + ((field != null) ? field + " " : "") + "is missing";
			case "DUPLICATE_DATA" -> "a record with the same " + ((field != null) ? field : "values")
					+ " already exists" + (details.hasNonNull("id") ? " (id " + details.path("id").asText() + ")" : "");
			case "INVALID_DATA" ->
				(field != null) ? "the value of " + field + " is not valid (" + said + ")" : said + " (INVALID_DATA)";
			default -> said + " (" + code + ")";
		};
		String errorCode = "DUPLICATE_DATA".equals(code) ? "409" : (status >= 400) ? String.valueOf(status) : "422";
		return new ConnectorException(errorCode, PROVIDER + " refused the " + subject + ": " + words);
	}

	/**
	 * Checks the connection by asking Zoho CRM who its token belongs to
	 * ({@code GET /users?type=CurrentUser}).
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = session(connection, Map.of()).send("GET", "/users?type=CurrentUser", null);
		if (!response.ok()) {
			return ConnectionCheck.failed(response.message("user"));
		}
		JsonNode user = response.body().path("users").path(0);
		String email = user.path("email").asText("");
		return ConnectionCheck
			.ok("Signed in as " + user.path("full_name").asText(email) + (email.isEmpty() ? "" : " (" + email + ")"));
	}

	/**
	 * Fetches a module's records, 200 a page: by page number while Zoho says there are
	 * {@code more_records}, and by {@code page_token} once Zoho hands out a
	 * {@code next_page_token} (the only way beyond the first 2,000 records). Only records
	 * changed since a time when one is given ({@code If-Modified-Since}); Zoho answers
	 * 304 when none did.
	 * @param connection the connection
	 * @param resource contacts, leads or deals
	 * @param changedSince only what was modified after this, or {@code null} for all
	 * @return the records, normalized
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		Map<String, String> headers = (changedSince != null)
				? Map.of("If-Modified-Since", MODIFIED_SINCE.format(changedSince.atOffset(ZoneOffset.UTC))) : Map.of();
		ProviderHttp.Api session = session(connection, headers);
		String module = MODULES.get(resource);
		List<SyncedRecord> records = Pages.collect(PROVIDER, (next) -> {
			boolean token = next != null && next.startsWith("token:");
			int page = (next != null && !token) ? Integer.parseInt(next) : 1;
			ProviderResponse response = session.send("GET",
					"/" + module
							+ ProviderHttp.query("fields", FIELDS.get(resource), "per_page", PER_PAGE, "sort_by", "id",
									"sort_order", "asc", "page", token ? null : page, "page_token",
									token ? next.substring("token:".length()) : null),
					null);
			if (response.status() == 304 || response.status() == 204) {
				return new Page<SyncedRecord>(List.of(), null);
			}
			JsonNode body = response.expect(module);
			List<SyncedRecord> items = StreamSupport.stream(body.path("data").spliterator(), false)
				.map((item) -> normalize(resource, item))
				.toList();
			JsonNode info = body.path("info");
			if (!info.path("more_records").asBoolean(false)) {
				return new Page<>(items, null);
			}
			String pageToken = info.path("next_page_token").asText("");
			return new Page<>(items, pageToken.isEmpty() ? String.valueOf(page + 1) : "token:" + pageToken);
		});
		return Fetched.since(changedSince, records);
	}

	/**
	 * A record as Brain keeps it; contacts and leads carry {@code email},
	 * {@code firstName}, {@code lastName} and {@code company}, as the client portal's CRM
	 * tab reads them.
	 */
	static SyncedRecord normalize(String resource, JsonNode item) {
		Map<String, Object> data = new LinkedHashMap<>();
		String title;
		String status;
		if (resource.equals("deals")) {
			title = item.path("Deal_Name").asText(null);
			status = item.path("Stage").asText(null);
			data.put("amount", item.path("Amount").isNumber() ? item.path("Amount").decimalValue() : null);
			data.put("closingDate", item.path("Closing_Date").asText(null));
			data.put("account", item.path("Account_Name").path("name").asText(null));
		}
		else {
			String first = item.path("First_Name").asText(null);
			String last = item.path("Last_Name").asText(null);
			title = item.path("Full_Name")
				.asText(String.join(" ", (first != null) ? first : "", (last != null) ? last : "").trim());
			status = resource.equals("leads") ? item.path("Lead_Status").asText(null) : null;
			data.put("email", item.path("Email").asText(null));
			data.put("firstName", first);
			data.put("lastName", last);
			data.put("company", resource.equals("leads") ? item.path("Company").asText(null)
					: item.path("Account_Name").path("name").asText(null));
		}
		return new SyncedRecord(item.path("id").asText(), title, null, status,
				modified(item.path("Modified_Time").asText(null)), data);
	}

	private static Instant modified(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The token endpoint of the connection's data centre. */
	TokenEndpoint tokenEndpoint(ResolvedConnection connection) {
		ZohoDataCentre centre = ZohoDataCentre.of(connection.text("dataCentre"));
		return new TokenEndpoint(PROVIDER, centre.tokenUrl(this.endpoints.url("zoho-crm-accounts", null)), "clientId",
				"clientSecret", "refreshToken");
	}

	/**
	 * Calls with the connection's access token; a 401 drops the token, so the next step
	 * refreshes it.
	 */
	private ProviderHttp.Api session(ResolvedConnection connection, Map<String, String> headers) {
		TokenEndpoint endpoint = tokenEndpoint(connection);
		AccessToken token = this.tokens.accessToken(connection, endpoint);
		String base = ZohoDataCentre.of(connection.text("dataCentre"))
			.apiBase(this.endpoints.url("zoho-crm-api", null), token.answer());
		ProviderHttp.Api api = this.http.to(PROVIDER, base)
			.header("Authorization", "Zoho-oauthtoken " + token.value())
			.credential("access token")
			.whenRejected(() -> this.tokens.forget(connection, endpoint));
		headers.forEach(api::header);
		return api;
	}

}
