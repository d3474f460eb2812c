package io.brain.workers.connector;

import java.util.List;

import io.brain.workers.catalog.ConnectorDefinition;

import io.brain.workers.connector.email.EmailConnector;
import io.brain.workers.connector.fluentcrm.FluentCrmConnector;
import io.brain.workers.connector.googleads.GoogleAdsConnector;
import io.brain.workers.connector.http.HttpRequestConnector;
import io.brain.workers.connector.hubspot.HubSpotConnector;
import io.brain.workers.connector.mailchimp.MailchimpConnector;
import io.brain.workers.connector.metaads.MetaAdsConnector;
import io.brain.workers.connector.openai.OpenAiConnector;
import io.brain.workers.connector.shopify.ShopifyConnector;
import io.brain.workers.connector.slack.SlackConnector;
import io.brain.workers.connector.stripe.StripeConnector;
import io.brain.workers.connector.woocommerce.WooCommerceConnector;
import io.brain.workers.connector.wordpress.WordPressConnector;
import io.brain.workers.connector.zohocrm.ZohoCrmConnector;

/**
 * Every connector type Brain ships. The build writes this catalog, as JSON, into the
 * process-models module, where the api reads it: the api shows connector types without
 * carrying any provider code.
 */
public final class ConnectorCatalog {

	private static final List<ConnectorDefinition> ALL = List.of(
			HttpRequestConnector.DEFINITION.withInputsOf(HttpRequestConnector.class),
			WordPressConnector.DEFINITION.withInputsOf(WordPressConnector.class),
			WooCommerceConnector.DEFINITION.withInputsOf(WooCommerceConnector.class),
			ShopifyConnector.DEFINITION.withInputsOf(ShopifyConnector.class),
			FluentCrmConnector.DEFINITION.withInputsOf(FluentCrmConnector.class),
			HubSpotConnector.DEFINITION.withInputsOf(HubSpotConnector.class),
			MailchimpConnector.DEFINITION.withInputsOf(MailchimpConnector.class),
			StripeConnector.DEFINITION.withInputsOf(StripeConnector.class),
			SlackConnector.DEFINITION.withInputsOf(SlackConnector.class),
			ZohoCrmConnector.DEFINITION.withInputsOf(ZohoCrmConnector.class),
			GoogleAdsConnector.DEFINITION.withInputsOf(GoogleAdsConnector.class),
			MetaAdsConnector.DEFINITION.withInputsOf(MetaAdsConnector.class),
			OpenAiConnector.DEFINITION.withInputsOf(OpenAiConnector.class),
			EmailConnector.DEFINITION.withInputsOf(EmailConnector.class));

	private ConnectorCatalog() {
	}

	/** Every connector type, each action with its inputs. */
	public static List<ConnectorDefinition> all() {
		return ALL;
	}

}
