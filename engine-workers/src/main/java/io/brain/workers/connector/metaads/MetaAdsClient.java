package io.brain.workers.connector.metaads;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.Pages;
import io.brain.workers.provider.Pages.Page;
import io.brain.workers.provider.ProviderEndpoints;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.brain.workers.sync.Fetched;
import io.brain.workers.sync.SyncedRecord;

import org.springframework.stereotype.Component;

/**
 * Meta's Graph API for ads (Marketing API, {@code https://graph.facebook.com/v27.0}),
 * authenticated with a system user's access token sent as {@code Authorization: Bearer}.
 */
@Component
class MetaAdsClient {

	static final String PROVIDER = "Meta";

	/** The Graph API version Brain speaks. */
	static final String VERSION = "v27.0";

	/** What the sync reads of each campaign, with its last-30-days insights. */
	static final String CAMPAIGN_FIELDS = "id,name,status,effective_status,daily_budget,updated_time,"
			+ "insights.date_preset(last_30d){impressions,clicks,spend}";

	/** Campaigns per page. */
	static final int LIMIT = 100;

	/**
	 * Meta's rate-limit error codes (answered with 400 or 403, not 429): application (4),
	 * user (17), page (32) and calls within an hour (613); the business use case limits
	 * (80000 to 80014) are rate limits too.
	 */
	static final Set<Integer> RATE_LIMITED = Set.of(4, 17, 32, 613);

	static boolean rateLimited(int code) {
		return RATE_LIMITED.contains(code) || (code >= 80000 && code <= 80014);
	}

	/** Meta's invalid or expired access token. */
	static final int INVALID_TOKEN = 190;

	/** {@code updated_time} as Meta writes it: 2026-11-20T10:00:00+0000. */
	static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx");

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	MetaAdsClient(ProviderHttp http, ProviderEndpoints endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/**
	 * Sets a campaign's status ({@code POST /{campaign_id}}, form-encoded
	 * {@code status}).
	 * @param connection the tenant's Meta Ads connection
	 * @param campaignId the campaign
	 * @param status {@code PAUSED} or {@code ACTIVE}
	 * @return what Meta answered
	 */
	CampaignResult setStatus(ResolvedConnection connection, String campaignId, String status) {
		JsonNode answer = send(connection, "POST", "/" + ProviderHttp.encode(campaignId), Map.of("status", status))
			.expect("campaign " + campaignId);
		return new CampaignResult(campaignId, status, answer.path("success").asBoolean(false));
	}

	/**
	 * Checks the connection by reading the ad account's name and status ({@code GET
	 * /act_{id}?fields=name,account_status}).
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		String account = account(connection);
		ProviderResponse response = send(connection, "GET",
				"/" + account + ProviderHttp.query("fields", "name,account_status"), null);
		if (!response.ok()) {
			return ConnectionCheck.failed(response.message("ad account " + account));
		}
		String name = response.body().path("name").asText(account);
		int status = response.body().path("account_status").asInt(0);
		return switch (status) {
			case 1, 201 -> ConnectionCheck.ok("Connected to ad account " + name + " (" + account + "), active");
			case 9 -> ConnectionCheck.ok("Connected to ad account " + name + " (" + account + "), in its grace period");
			default -> ConnectionCheck.failed("Meta accepted the access token, but ad account " + name + " (" + account
					+ ") is " + accountStatus(status));
		};
	}

	private static String accountStatus(int status) {
		return switch (status) {
			case 2 -> "disabled";
			case 3 -> "unsettled (a payment is due)";
			case 7 -> "pending a risk review";
			case 8 -> "pending settlement";
			case 100 -> "pending closure";
			case 101, 202 -> "closed";
			default -> "in status " + status;
		};
	}

	/**
	 * Fetches every campaign of the ad account with its last-30-days insights, 100 a
	 * page, following {@code paging.cursors.after} while Meta offers a next page.
	 * Insights change every day whatever {@code updated_time} says, so every sync reads
	 * everything.
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		String account = account(connection);
		List<SyncedRecord> records = Pages.collect(PROVIDER, (after) -> {
			JsonNode body = send(connection, "GET",
					"/" + account + "/campaigns"
							+ ProviderHttp.query("fields", CAMPAIGN_FIELDS, "limit", LIMIT, "after", after),
					null)
				.expect("ad account " + account);
			List<SyncedRecord> items = StreamSupport.stream(body.path("data").spliterator(), false)
				.map(MetaAdsClient::normalize)
				.toList();
			JsonNode paging = body.path("paging");
			String next = paging.path("cursors").path("after").asText("");
			return new Page<>(items, (paging.hasNonNull("next") && !next.isEmpty()) ? next : null);
		});
		return Fetched.all(records);
	}

	static SyncedRecord normalize(JsonNode campaign) {
		JsonNode insights = campaign.path("insights").path("data").path(0);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("status", campaign.path("status").asText(null));
		data.put("dailyBudgetMinor",
				campaign.hasNonNull("daily_budget") ? campaign.path("daily_budget").asLong() : null);
		data.put("impressions", insights.path("impressions").asLong(0));
		data.put("clicks", insights.path("clicks").asLong(0));
		data.put("spend", insights.path("spend").asDouble(0));
		data.put("period", "last_30d");
		return new SyncedRecord(campaign.path("id").asText(), campaign.path("name").asText(null), null,
				campaign.path("effective_status").asText(null), updated(campaign.path("updated_time").asText(null)),
				data);
	}

	private static Instant updated(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The ad account's node, {@code act_<digits>}, whether or not the field has the
	 * prefix.
	 */
	static String account(ResolvedConnection connection) {
		return "act_" + connection.text("adAccountId").trim().replaceFirst("^act_", "");
	}

	/**
	 * Calls the Graph API with the connection's token (a form body for writes, as Meta
	 * documents them), and words Meta's errors by what they mean rather than by the HTTP
	 * status Meta gives them.
	 */
	private ProviderResponse send(ResolvedConnection connection, String method, String path, Map<String, String> form) {
		ProviderHttp.Api api = this.http
			.to(PROVIDER,
					this.endpoints.url("meta-graph", "https://graph.facebook.com").replaceAll("/+$", "") + "/"
							+ VERSION)
			.bearer(connection.secret("accessToken"))
			.credential("access token");
		ProviderResponse response = (form != null) ? api.sendForm(method, path, form) : api.send(method, path, null);
		return response.ok() ? response : explained(response);
	}

	/**
	 * Meta answers most errors with 400 and says what they are in {@code error.code}: an
	 * invalid or expired token (190) is a 401, so the connection is marked as needing
	 * attention; rate limits (4, 17, 32, 613, 80000-80014) are a 429, so the step is
	 * retried; an object that does not exist (100 with subcode 33) is a 404.
	 */
	static ProviderResponse explained(ProviderResponse response) {
		JsonNode error = response.body().path("error");
		if (!error.isObject()) {
			return response;
		}
		int code = error.path("code").asInt(0);
		int subcode = error.path("error_subcode").asInt(0);
		int status;
		if (code == INVALID_TOKEN) {
			status = 401;
		}
		else if (rateLimited(code)) {
			status = 429;
		}
		else if (code == 100 && subcode == 33) {
			status = 404;
		}
		else {
			status = response.status();
		}
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.putObject("error").put("message", error.path("message").asText(""));
		return new ProviderResponse(response.provider(), response.credential(), status, response.headers(), body);
	}

}
