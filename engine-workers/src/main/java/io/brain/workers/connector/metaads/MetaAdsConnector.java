package io.brain.workers.connector.metaads;

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
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * Meta Ads: pauses and enables campaigns and syncs campaigns with their last-30-days
 * insights, through Meta's Marketing API (Graph API) with a system user's access token.
 */
@Component
@OutboundConnector(name = "Meta Ads", type = MetaAdsConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.meta-ads", name = "Meta Ads", version = 1,
		description = "Pause and enable Meta (Facebook and Instagram) ad campaigns; sync campaigns with their insights",
		icon = "io/brain/workers/connector/metaads/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "campaign", label = "Campaign"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class MetaAdsConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:meta-ads:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField.secret("accessToken", "Access token",
					"Meta Business Settings → Users → System users → your system user → Generate token, "
							+ "with the permissions ads_read and ads_management (and the ad account assigned to "
							+ "that system user)"),
			ConnectionField
				.text("adAccountId", "Ad account ID",
						"Ads Manager → the account menu, or Business Settings → Accounts → Ad accounts: "
								+ "the number, with or without act_ in front")
				.matching("(act_)?\\d+"));

	/** Meta Ads as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("meta-ads", "Meta Ads",
			"Campaigns and insights of a Meta ad account (Marketing API, system user access token).",
			AuthKind.BEARER_TOKEN, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read campaigns", TYPE),
					ConnectorAction.write("pause-campaign", "Pause campaign", TYPE),
					ConnectorAction.write("enable-campaign", "Enable campaign", TYPE)),
			List.of("campaigns"), ConnectorDefinition.TEST_CONNECTION);

	private final MetaAdsClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	MetaAdsConnector(MetaAdsClient client, ConnectorActions actions, Syncs syncs) {
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
		return setStatus("enable-campaign", "ACTIVE", request, context);
	}

	private CampaignResult setStatus(String action, String status, CampaignRequest request,
			OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), action,
				(connection) -> this.client.setStatus(connection, request.campaignId(), status),
				(result) -> Map.of("campaignId", result.campaignId(), "status", result.status()));
	}

}
