package io.brain.api.audit;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * What each audited operation of the api does, in words: the kind of object it acts on,
 * the verb, and which path variable names the object. One place for the whole vocabulary,
 * checked against every mutating endpoint by the tests, so an audit row reads as a
 * sentence after its actor's name: "created API key 'ci'", "deployed automation 'Order
 * sync' version 3".
 */
final class AuditedActions {

	/**
	 * The words of one operation.
	 *
	 * @param kind the kind of object, as a user says it
	 * @param verb what was done to it; {@code {variable}} stands for a path variable
	 * @param idVariable the path variable holding the object's id, if any
	 * @param suffix what follows the object, e.g. {@code version {version}}
	 */
	record Words(String kind, String verb, String idVariable, String suffix) {

		Words(String kind, String verb, String idVariable) {
			this(kind, verb, idVariable, null);
		}

		/** The verb of an attempt that failed or was refused: "tried to create". */
		String attempt() {
			int space = this.verb.indexOf(' ');
			String first = (space < 0) ? this.verb : this.verb.substring(0, space);
			String rest = (space < 0) ? "" : this.verb.substring(space);
			return "tried to " + INFINITIVES.getOrDefault(first, first) + rest;
		}

	}

	private static final Map<String, String> INFINITIVES = Map.ofEntries(entry("created", "create"),
			entry("deleted", "delete"), entry("saved", "save"), entry("deployed", "deploy"), entry("started", "start"),
			entry("changed", "change"), entry("updated", "update"), entry("previewed", "preview"),
			entry("tested", "test"), entry("synced", "sync"), entry("published", "publish"), entry("retried", "retry"),
			entry("cancelled", "cancel"), entry("set", "set"), entry("invited", "invite"), entry("removed", "remove"),
			entry("replaced", "replace"), entry("replayed", "replay"), entry("delivered", "deliver"),
			entry("revoked", "revoke"), entry("decided", "decide"), entry("dry-ran", "dry-run"));

	private static final Map<String, Words> WORDS = Map.ofEntries(
			entry("POST /api/agents", new Words("agent", "created", null)),
			entry("PUT /api/agents/{id}", new Words("agent", "updated", "id")),
			entry("DELETE /api/agents/{id}", new Words("agent", "deleted", "id")),
			entry("POST /api/agents/{id}/runs", new Words("agent", "started a run of", "id")),
			entry("POST /api/agents/{id}/approvals", new Words("agent", "decided on a tool call of", "id")),
			entry("POST /api/agents/{id}/dry-run", new Words("agent", "dry-ran a tool of", "id")),
			entry("POST /api/api-keys", new Words("API key", "created", null)),
			entry("DELETE /api/api-keys/{id}", new Words("API key", "revoked", "id")),
			entry("POST /api/automations", new Words("automation", "created", null)),
			entry("PUT /api/automations/{key}", new Words("automation", "saved a new version of", "key")),
			entry("DELETE /api/automations/{key}", new Words("automation", "deleted", "key")),
			entry("POST /api/automations/{key}/versions/{version}/deployment",
					new Words("automation", "deployed", "key", "version {version}")),
			entry("POST /api/v1/automations/{key}/runs", new Words("automation", "started a run of", "key")),
			entry("PUT /api/automations/{key}/rule", new Words("automation", "changed the rule of", "key")),
			entry("POST /api/automations/{key}/schedules", new Words("schedule", "created", null)),
			entry("PUT /api/automations/{key}/schedules/{id}", new Words("schedule", "updated", "id")),
			entry("DELETE /api/automations/{key}/schedules/{id}", new Words("schedule", "deleted", "id")),
			entry("POST /api/automation-rules", new Words("automation", "created from a rule", null)),
			entry("POST /api/automation-rules/preview", new Words("automation rule", "previewed", null)),
			entry("POST /api/connectors", new Words("connection", "created", null)),
			entry("PUT /api/connectors/{id}", new Words("connection", "updated", "id")),
			entry("DELETE /api/connectors/{id}", new Words("connection", "deleted", "id")),
			entry("POST /api/connectors/{id}/test", new Words("connection", "tested", "id")),
			entry("POST /api/connectors/{id}/sync/{resource}", new Words("connection", "synced {resource} of", "id")),
			entry("POST /api/deployments", new Words("deployment", "deployed", null)),
			entry("POST /api/process-templates/{templateId}/deployments",
					new Words("process template", "deployed", "templateId")),
			entry("POST /api/v1/messages", new Words("message", "published", null)),
			entry("POST /api/runs", new Words("run", "started", null)),
			entry("POST /api/runs/{id}/retry", new Words("run", "retried", "id")),
			entry("POST /api/runs/{id}/cancel", new Words("run", "cancelled", "id")),
			entry("PUT /api/platform/secrets/{name}", new Words("platform secret", "set", "name")),
			entry("DELETE /api/platform/secrets/{name}", new Words("platform secret", "deleted", "name")),
			entry("POST /api/tenants", new Words("tenant", "created", null)),
			entry("PATCH /api/tenants/{id}", new Words("tenant", "updated", "id")),
			entry("POST /api/users", new Words("user", "invited", null)),
			entry("PUT /api/users/{id}/roles", new Words("user", "changed the roles of", "id")),
			entry("DELETE /api/users/{id}", new Words("user", "removed", "id")),
			entry("POST /api/webhooks", new Words("webhook listener", "created", null)),
			entry("PUT /api/webhooks/{id}", new Words("webhook listener", "updated", "id")),
			entry("POST /api/webhooks/{id}/secret", new Words("webhook listener", "replaced the secret of", "id")),
			entry("DELETE /api/webhooks/{id}", new Words("webhook listener", "deleted", "id")),
			entry("POST /api/webhooks/{id}/deliveries/{deliveryId}/replay",
					new Words("webhook delivery", "replayed", "deliveryId")),
			entry("POST /hooks/{publicId}", new Words("webhook listener", "delivered a webhook to", "publicId")));

	private AuditedActions() {
	}

	/**
	 * The words of an operation.
	 * @param operation its method and path pattern, e.g. {@code POST /api/api-keys}
	 */
	static Optional<Words> of(String operation) {
		return Optional.ofNullable(WORDS.get(operation));
	}

	/** Every operation with words, for the test that every mutating endpoint has them. */
	static Map<String, Words> all() {
		return WORDS;
	}

}
