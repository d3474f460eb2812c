package io.brain.workers.catalog;

import java.util.List;

/**
 * What a connector type needs and offers, as the UI and the api show it: the fields of a
 * connection (credentials among them), how it authenticates, its actions and the
 * resources it can sync. Declared once, in the connector's folder.
 *
 * @param type the connector type's id, e.g. {@code wordpress}
 * @param name its display name
 * @param description what it connects to
 * @param auth how a connection authenticates
 * @param fields the fields of a connection
 * @param actions what a BPMN step can ask it to do
 * @param syncResources what it can fetch into Brain
 * @param testOperation the operation that checks a connection's credentials, if the type
 * has any
 */
public record ConnectorDefinition(String type, String name, String description, AuthKind auth,
		List<ConnectionField> fields, List<ConnectorAction> actions, List<String> syncResources, String testOperation) {

	/** The operation every connector with credentials offers to check a connection. */
	public static final String TEST_CONNECTION = "test-connection";

	/** The operation every connector with sync resources offers to fetch one of them. */
	public static final String SYNC = "sync";

	public ConnectorDefinition {
		fields = List.copyOf(fields);
		actions = List.copyOf(actions);
		syncResources = List.copyOf(syncResources);
	}

	/** How a connection proves who it is to the provider. */
	public enum AuthKind {

		NONE, API_KEY, BASIC, APPLICATION_PASSWORD, BEARER_TOKEN, OAUTH2_REFRESH_TOKEN, SMTP

	}

	/**
	 * One action of a connector, run by a Zeebe job worker.
	 *
	 * @param id the operation id (the task header {@code operation})
	 * @param name its display name, e.g. "Create post"
	 * @param jobType the job type BPMN service tasks use
	 */
	public record ConnectorAction(String id, String name, String jobType) {

	}

}
