package io.brain.api.connector;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A connector type as the UI renders its configuration form.
 *
 * @param type the type's id
 * @param name its display name
 * @param description what it connects to
 * @param auth how a connection authenticates
 * @param fields the fields of a connection
 * @param actions what a BPMN step can ask it to do
 * @param syncResources what it can fetch into Brain
 * @param testOperation the operation that checks a connection, if the type has
 * credentials
 */
public record ConnectorType(String type, String name, String description, String auth, List<Field> fields,
		List<Action> actions, List<String> syncResources, @Schema(nullable = true) String testOperation) {

	/**
	 * One field of the configuration form.
	 *
	 * @param name the field's key
	 * @param label its label
	 * @param kind TEXT, SECRET (write-only), URL, SELECT, NUMBER or BOOLEAN
	 * @param required whether a connection needs it
	 * @param pattern a regular expression the value must match
	 * @param help where to find the value
	 * @param options the choices of a SELECT field
	 */
	public record Field(String name, String label, String kind, boolean required,
			@Schema(nullable = true) String pattern, @Schema(nullable = true) String help, List<String> options) {

		boolean isSecret() {
			return "SECRET".equals(this.kind);
		}

	}

	/**
	 * One action of the connector.
	 *
	 * @param id the operation id
	 * @param name its display name
	 * @param jobType the job type of its BPMN service tasks
	 * @param access READ when it only reads at the provider, WRITE when it changes
	 * something there (creates, updates, sends)
	 * @param inputs what a step gives it (the connection it runs with left out)
	 */
	public record Action(String id, String name, String jobType, @Schema(allowableValues = {
			"READ", "WRITE" }) String access, List<Input> inputs){

		public boolean writes() {
			return "WRITE".equals(this.access);
		}

	}

	/**
	 * One input of an action.
	 *
	 * @param name the variable's name
	 * @param type its JSON type: string, integer, number, boolean, array or object
	 * @param label its label
	 * @param description what to give, if more than the label says
	 * @param required whether the action needs it
	 */
	public record Input(String name, String type, String label, String description, boolean required) {

	}

}
