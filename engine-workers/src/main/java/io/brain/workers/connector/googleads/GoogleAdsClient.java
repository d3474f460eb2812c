package io.brain.workers.connector.googleads;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.OAuth2Tokens;
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
 * The Google Ads API over REST ({@code https://googleads.googleapis.com/v26}), with an
 * OAuth2 access token refreshed from the connection's refresh token at Google's token
 * endpoint, the account's developer token and, for accounts reached through a manager
 * account, its {@code login-customer-id}.
 */
@Component
class GoogleAdsClient {

	static final String PROVIDER = "Google Ads";

	/** The API version Brain speaks. */
	static final String VERSION = "v26";

	/** Campaigns with their budget and last-30-days performance, for the sync. */
	static final String CAMPAIGNS_QUERY = "SELECT campaign.id, campaign.name, campaign.status, "
			+ "campaign_budget.amount_micros, metrics.impressions, metrics.clicks, metrics.cost_micros, "
			+ "metrics.conversions FROM campaign WHERE segments.date DURING LAST_30_DAYS "
			+ "AND campaign.status != 'REMOVED' ORDER BY campaign.id";

	private final ProviderHttp http;

	private final OAuth2Tokens tokens;

	private final ProviderEndpoints endpoints;

	GoogleAdsClient(ProviderHttp http, OAuth2Tokens tokens, ProviderEndpoints endpoints) {
		this.http = http;
		this.tokens = tokens;
		this.endpoints = endpoints;
	}

	/**
	 * Sets a campaign's status ({@code campaigns:mutate} with an update of
	 * {@code status}).
	 * @param connection the tenant's Google Ads connection
	 * @param campaignId the campaign
	 * @param status {@code PAUSED} or {@code ENABLED}
	 * @return the campaign as Google Ads answered
	 */
	CampaignResult setStatus(ResolvedConnection connection, String campaignId, String status) {
		String customer = customerId(connection);
		String resourceName = "customers/" + customer + "/campaigns/" + campaignId;
		Map<String, Object> update = Map.of("resourceName", resourceName, "status", status);
		JsonNode answer = session(connection, true)
			.send("POST", "/customers/" + customer + "/campaigns:mutate",
					Map.of("operations", List.of(Map.of("update", update, "updateMask", "status"))))
			.expect("campaign " + campaignId);
		return new CampaignResult(campaignId, answer.path("results").path(0).path("resourceName").asText(resourceName),
				status);
	}

	/**
	 * Sets the daily amount of a campaign's budget: finds the budget with a query, then
	 * updates its {@code amountMicros} ({@code campaignBudgets:mutate}).
	 * @param connection the tenant's Google Ads connection
	 * @param campaignId the campaign
	 * @param amount the new daily amount in the account's currency
	 * @return the budget as Google Ads answered
	 */
	BudgetResult setBudget(ResolvedConnection connection, String campaignId, BigDecimal amount) {
		long micros = amount.movePointRight(6).longValueExact();
		String customer = customerId(connection);
		Session session = session(connection, true);
		JsonNode row = session
			.send("POST", "/customers/" + customer + "/googleAds:search",
					Map.of("query",
							"SELECT campaign.id, campaign.campaign_budget, campaign_budget.explicitly_shared "
									+ "FROM campaign WHERE campaign.id = " + campaignId))
			.expect("campaign " + campaignId)
			.path("results")
			.path(0);
		String budget = row.path("campaign").path("campaignBudget").asText("");
		if (budget.isEmpty()) {
			throw new ConnectorException("404", PROVIDER + " has no campaign " + campaignId + " (404)");
		}
		Map<String, Object> update = Map.of("resourceName", budget, "amountMicros", String.valueOf(micros));
		JsonNode answer = session
			.send("POST", "/customers/" + customer + "/campaignBudgets:mutate",
					Map.of("operations", List.of(Map.of("update", update, "updateMask", "amountMicros"))))
			.expect("budget of campaign " + campaignId);
		return new BudgetResult(campaignId, answer.path("results").path(0).path("resourceName").asText(budget), amount,
				micros, row.path("campaignBudget").path("explicitlyShared").asBoolean(false));
	}

	/**
	 * Checks the connection by listing the accounts its credentials reach
	 * ({@code customers:listAccessibleCustomers}); the connection's account, or its
	 * manager account, must be among them.
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = session(connection, false).send("GET", "/customers:listAccessibleCustomers", null);
		if (!response.ok()) {
			return ConnectionCheck.failed(response.message("accounts"));
		}
		List<String> reached = StreamSupport.stream(response.body().path("resourceNames").spliterator(), false)
			.map((name) -> name.asText().replaceFirst("^customers/", ""))
			.toList();
		String customer = customerId(connection);
		String manager = loginCustomerId(connection);
		if (reached.contains(customer)) {
			return ConnectionCheck
				.ok("Google Ads accepted the credentials; account " + dashed(customer) + " is reachable");
		}
		if (manager != null && reached.contains(manager)) {
			return ConnectionCheck.ok("Google Ads accepted the credentials; account " + dashed(customer)
					+ " is reachable through manager account " + dashed(manager));
		}
		return ConnectionCheck
			.failed("Google Ads accepted the credentials, but they do not reach account " + dashed(customer)
					+ " (they reach " + String.join(", ", reached.stream().map(GoogleAdsClient::dashed).toList())
					+ "); if a manager account manages it, set the login customer id");
	}

	/**
	 * Fetches every campaign with its budget and last-30-days metrics, page by page with
	 * {@code nextPageToken}. Metrics change every day, so every sync reads everything.
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		String customer = customerId(connection);
		Session session = session(connection, true);
		List<SyncedRecord> records = Pages.collect(PROVIDER, (next) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", CAMPAIGNS_QUERY);
			if (next != null) {
				body.put("pageToken", next);
			}
			JsonNode answer = session.send("POST", "/customers/" + customer + "/googleAds:search", body)
				.expect("account " + dashed(customer));
			List<SyncedRecord> items = StreamSupport.stream(answer.path("results").spliterator(), false)
				.map(GoogleAdsClient::normalize)
				.toList();
			String token = answer.path("nextPageToken").asText("");
			return new Page<>(items, token.isEmpty() ? null : token);
		});
		return Fetched.all(records);
	}

	static SyncedRecord normalize(JsonNode row) {
		JsonNode campaign = row.path("campaign");
		JsonNode metrics = row.path("metrics");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("budget", micros(row.path("campaignBudget").path("amountMicros")));
		data.put("impressions", metrics.path("impressions").asLong(0));
		data.put("clicks", metrics.path("clicks").asLong(0));
		data.put("cost", micros(metrics.path("costMicros")));
		data.put("conversions", metrics.path("conversions").asDouble(0));
		data.put("period", "LAST_30_DAYS");
		return new SyncedRecord(campaign.path("id").asText(), campaign.path("name").asText(null), null,
				campaign.path("status").asText(null), null, data);
	}

	private static Double micros(JsonNode value) {
		return value.isMissingNode() || value.isNull() ? null : value.asLong() / 1_000_000.0;
	}

	/** The account's id without dashes, as the API wants it. */
	static String customerId(ResolvedConnection connection) {
		return connection.text("customerId").replace("-", "").trim();
	}

	static String loginCustomerId(ResolvedConnection connection) {
		String value = connection.text("loginCustomerId");
		return (value == null || value.isBlank()) ? null : value.replace("-", "").trim();
	}

	/** An account id as Google Ads shows it: 123-456-7890. */
	static String dashed(String id) {
		return (id.length() == 10) ? id.substring(0, 3) + "-" + id.substring(3, 6) + "-" + id.substring(6) : id;
	}

	TokenEndpoint tokenEndpoint() {
		return new TokenEndpoint("Google",
				this.endpoints.url("google-oauth", "https://oauth2.googleapis.com").replaceAll("/+$", "") + "/token",
				"clientId", "clientSecret", "refreshToken");
	}

	/**
	 * Calls with the connection's access token and developer token.
	 * @param asManager whether to send {@code login-customer-id} (every call on an
	 * account; not the listing of accessible accounts)
	 */
	private Session session(ResolvedConnection connection, boolean asManager) {
		TokenEndpoint endpoint = tokenEndpoint();
		ProviderHttp.Api api = this.http
			.to(PROVIDER,
					this.endpoints.url("google-ads", "https://googleads.googleapis.com").replaceAll("/+$", "") + "/"
							+ VERSION)
			.bearer(this.tokens.accessToken(connection, endpoint).value())
			.header("developer-token", connection.secret("developerToken"))
			.credential("access token")
			.whenRejected(() -> this.tokens.forget(connection, endpoint));
		String manager = loginCustomerId(connection);
		if (asManager && manager != null) {
			api.header("login-customer-id", manager);
		}
		return new Session(api);
	}

	/**
	 * Calls with one access token (a 401 drops it, so the next step refreshes), taking an
	 * error's reason from where Google Ads puts it
	 * ({@code error.details[].errors[].message} and its {@code errorCode}); a mutate of a
	 * resource that does not exist ({@code RESOURCE_NOT_FOUND}) is a 404.
	 */
	private record Session(ProviderHttp.Api api) {

		ProviderResponse send(String method, String path, Object body) {
			ProviderResponse response = this.api.send(method, path, body);
			return response.ok() ? response : explained(response);
		}

	}

	static ProviderResponse explained(ProviderResponse response) {
		for (JsonNode detail : response.body().path("error").path("details")) {
			JsonNode error = detail.path("errors").path(0);
			if (error.isMissingNode()) {
				continue;
			}
			String reason = error.path("errorCode").elements().hasNext()
					? error.path("errorCode").elements().next().asText("") : "";
			String message = error.path("message").asText("").trim() + (reason.isEmpty() ? "" : " (" + reason + ")");
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			body.putObject("error").put("message", message);
			int status = reason.equals("RESOURCE_NOT_FOUND") ? 404 : response.status();
			return new ProviderResponse(response.provider(), response.credential(), status, response.headers(), body);
		}
		return response;
	}

}
