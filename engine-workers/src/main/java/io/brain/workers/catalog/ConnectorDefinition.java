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

	/**
	 * The operation every connector with sync resources offers to read one of them at the
	 * provider without storing it.
	 */
	public static final String READ = "read";

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
	 * The connector's definition with each action's inputs, as its class declares them.
	 */
	public ConnectorDefinition withInputsOf(Class<?> connector) {
		return new ConnectorDefinition(this.type, this.name, this.description, this.auth, this.fields,
				this.actions.stream()
					.map((action) -> action.withInputs(ActionInput.of(connector, action.id())))
					.toList(),
				this.syncResources, this.testOperation);
	}

	/** Whether an action only reads at the provider or changes something there. */
	public enum Access {

		READ, WRITE

	}

	/**
	 * One action of a connector, run by a job worker.
	 *
	 * @param id the operation id (the task header {@code operation})
	 * @param name its display name, e.g. "Create post"
	 * @param jobType the job type BPMN service tasks use
	 * @param access whether it only reads at the provider or changes something there
	 * @param inputs what a step gives it, from the request record its operation takes
	 * (the connection it runs with left out)
	 */
	public record ConnectorAction(String id, String name, String jobType, Access access, List<ActionInput> inputs) {

		public ConnectorAction {
			inputs = List.copyOf(inputs);
		}

		/** An action that only reads at the provider. */
		public static ConnectorAction read(String id, String name, String jobType) {
			return new ConnectorAction(id, name, jobType, Access.READ, List.of());
		}

		/** An action that changes something at the provider (creates, updates, sends). */
		public static ConnectorAction write(String id, String name, String jobType) {
			return new ConnectorAction(id, name, jobType, Access.WRITE, List.of());
		}

		ConnectorAction withInputs(List<ActionInput> inputs) {
			return new ConnectorAction(this.id, this.name, this.jobType, this.access, inputs);
		}

	}

}
