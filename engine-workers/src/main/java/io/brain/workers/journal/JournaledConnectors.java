package io.brain.workers.journal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.runtime.core.config.OutboundConnectorConfiguration;
import io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory;

/**
 * The connector runtime's connector factory with every function it hands out going
 * through the {@link ConnectorCallJournal}: the one place both engines' tasks pass, the
 * open engine's through {@code ConnectorTasks} and Zeebe's jobs through the runtime's own
 * job handlers.
 */
final class JournaledConnectors implements OutboundConnectorFactory {

	private final OutboundConnectorFactory connectors;

	private final Supplier<ConnectorCallJournal> journal;

	private final Map<String, OutboundConnectorFunction> journaled = new ConcurrentHashMap<>();

	/**
	 * @param journal looked up at the first call, so the factory needs no database at
	 * start
	 */
	JournaledConnectors(OutboundConnectorFactory connectors, Supplier<ConnectorCallJournal> journal) {
		this.connectors = connectors;
		this.journal = journal;
	}

	@Override
	public Collection<OutboundConnectorConfiguration> getConfigurations() {
		return this.connectors.getConfigurations();
	}

	@Override
	public OutboundConnectorFunction getInstance(String type) {
		return this.journaled.computeIfAbsent(type, (key) -> {
			OutboundConnectorFunction connector = this.connectors.getInstance(key);
			return (context) -> this.journal.get().execute(key, connector, context);
		});
	}

}
