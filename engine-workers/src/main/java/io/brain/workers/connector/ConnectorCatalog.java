package io.brain.workers.connector;

import java.util.List;

import io.brain.workers.catalog.ConnectorDefinition;

import io.brain.workers.connector.email.EmailConnector;
import io.brain.workers.connector.http.HttpRequestConnector;
import io.brain.workers.connector.wordpress.WordPressConnector;

/**
 * Every connector type Brain ships. The build writes this catalog, as JSON, into the
 * process-models module, where the api reads it: the api shows connector types without
 * carrying any provider code.
 */
public final class ConnectorCatalog {

	private ConnectorCatalog() {
	}

	public static List<ConnectorDefinition> all() {
		return List.of(HttpRequestConnector.DEFINITION, WordPressConnector.DEFINITION, EmailConnector.DEFINITION);
	}

}
