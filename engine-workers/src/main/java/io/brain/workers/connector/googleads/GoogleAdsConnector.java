package io.brain.workers.connector.googleads;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.brain.workers.catalog.ConnectionField;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.connection.TestConnectionRequest;
import io.brain.workers.sync.ReadRequest;
import io.brain.workers.sync.ReadResult;
import io.brain.workers.sync.SyncRequest;
import io.brain.workers.sync.SyncResult;
import io.brain.workers.sync.Syncs;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * Google Ads: pauses and enables campaigns, sets their daily budgets and syncs campaigns
 * with their last-30-days performance, through the Google Ads API (REST) with a developer
 * token and an OAuth2 refresh token.
 */
@Component
@OutboundConnector(name = "Google Ads", type = GoogleAdsConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.google-ads", name = "Google Ads", version = 1,
		description = "Pause and enable Google Ads campaigns, set their budgets; sync campaigns with their metrics",
		icon = "io/brain/workers/connector/googleads/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "campaign", label = "Campaign"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class GoogleAdsConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:google-ads:1";

	/**
	 * A Google Ads account id: ten digits, with or without the dashes Google Ads shows.
	 */
	static final String CUSTOMER_ID = "\\d{3}-?\\d{3}-?\\d{4}";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField.secret("developerToken", "Developer token",
					"Google Ads manager account → Admin (Tools) → API Center → Developer token"),
			ConnectionField.text("clientId", "OAuth client ID",
					"Google Cloud console → APIs & Services → Credentials → your OAuth 2.0 Client ID "
							+ "(the project must have the Google Ads API enabled)"),
			ConnectionField.secret("clientSecret", "OAuth client secret",
					"Google Cloud console → APIs & Services → Credentials → the same OAuth client → Client secret"),
			ConnectionField.secret("refreshToken", "Refresh token",
					"A refresh token for scope https://www.googleapis.com/auth/adwords issued to that OAuth client, "
							+ "e.g. from the Google Ads client libraries' generate_user_credentials example or the "
							+ "OAuth 2.0 Playground with your own client credentials"),
			ConnectionField.text("customerId", "Customer ID",
					"The Google Ads account to manage: the 10-digit number at the top of Google Ads, e.g. 123-456-7890")
				.matching(CUSTOMER_ID),
			ConnectionField
				.text("loginCustomerId", "Login customer ID (manager account)",
						"Only when you reach the account through a manager account: the manager's 10-digit customer ID")
				.matching(CUSTOMER_ID)
				.optional());

	/** Google Ads as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("google-ads", "Google Ads",
			"Campaigns, budgets and performance of a Google Ads account (Google Ads API, OAuth2 refresh token).",
			AuthKind.OAUTH2_REFRESH_TOKEN, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read campaigns", TYPE),
					ConnectorAction.write("pause-campaign", "Pause campaign", TYPE),
					ConnectorAction.write("enable-campaign", "Enable campaign", TYPE),
					ConnectorAction.write("set-budget", "Set daily budget", TYPE)),
			List.of("campaigns"), ConnectorDefinition.TEST_CONNECTION);

	private final GoogleAdsClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	GoogleAdsConnector(GoogleAdsClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync campaigns")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read campaigns")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "pause-campaign", name = "Pause campaign")
	public CampaignResult pauseCampaign(@Variable CampaignRequest request, OutboundConnectorContext context) {
		return setStatus("pause-campaign", "PAUSED", request, context);
	}

	@Operation(id = "enable-campaign", name = "Enable campaign")
	public CampaignResult enableCampaign(@Variable CampaignRequest request, OutboundConnectorContext context) {
		return setStatus("enable-campaign", "ENABLED", request, context);
	}

	@Operation(id = "set-budget", name = "Set daily budget")
	public BudgetResult setBudget(@Variable SetBudgetRequest request, OutboundConnectorContext context) {
		BigDecimal stripped = BigDecimal.valueOf(request.amount()).stripTrailingZeros();
		BigDecimal amount = (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
		if (amount.scale() > 6) {
			throw new ConnectorInputException("amount has more than six decimals; Google Ads keeps budgets in micros");
		}
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "set-budget",
				(connection) -> this.client.setBudget(connection, request.campaignId(), amount),
				(result) -> Map.of("campaignId", result.campaignId(), "amountMicros", result.amountMicros()));
	}

	private CampaignResult setStatus(String action, String status, CampaignRequest request,
			OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), action,
				(connection) -> this.client.setStatus(connection, request.campaignId(), status),
				(result) -> Map.of("campaignId", result.campaignId(), "status", result.status()));
	}

}
