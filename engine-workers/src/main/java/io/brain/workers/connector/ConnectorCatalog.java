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

	private ConnectorCatalog() {
	}

	public static List<ConnectorDefinition> all() {
		return List.of(HttpRequestConnector.DEFINITION, WordPressConnector.DEFINITION, WooCommerceConnector.DEFINITION,
				ShopifyConnector.DEFINITION, FluentCrmConnector.DEFINITION, HubSpotConnector.DEFINITION,
				MailchimpConnector.DEFINITION, StripeConnector.DEFINITION, SlackConnector.DEFINITION,
				ZohoCrmConnector.DEFINITION, GoogleAdsConnector.DEFINITION, MetaAdsConnector.DEFINITION,
				OpenAiConnector.DEFINITION, EmailConnector.DEFINITION);
	}

}
