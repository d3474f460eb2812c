package io.brain.core.audit;

import java.util.Map;

/**
 * One audited action: who did what to which target, and how it ended.
 *
 * @param scope the tenant, or the platform scope
 * @param actorId who (a user's subject, an API key's id, a worker's name)
 * @param actorName a readable name of the actor
 * @param actorKind what kind of actor
 * @param action what was done, in words, e.g. {@code created API key 'ci'} or
 * {@code deployed automation 'Order sync' version 3}; with the actor's name in front it
 * reads as a sentence
 * @param targetType the kind of thing acted on, in words ({@code API key}), if any
 * @param targetId its id, if any (also of an object the action created)
 * @param targetName its name, if it has one
 * @param requestId the request or job it belongs to
 * @param clientIp the caller's address, for requests
 * @param outcome how it ended
 * @param metadata details: changed fields (secrets masked), status codes
 */
public record AuditEvent(String scope, String actorId, String actorName, ActorKind actorKind, String action,
		String targetType, String targetId, String targetName, String requestId, String clientIp, Outcome outcome,
		Map<String, Object> metadata) {

	public AuditEvent {
		metadata = (metadata != null) ? metadata : Map.of();
	}

	/** An event whose target has no name (or none at hand). */
	public AuditEvent(String scope, String actorId, String actorName, ActorKind actorKind, String action,
			String targetType, String targetId, String requestId, String clientIp, Outcome outcome,
			Map<String, Object> metadata) {
		this(scope, actorId, actorName, actorKind, action, targetType, targetId, null, requestId, clientIp, outcome,
				metadata);
	}

	/** Who acts. */
	public enum ActorKind {

		USER, API_KEY, WORKER, SYSTEM, ANONYMOUS

	}

	/** How an action ended. */
	public enum Outcome {

		SUCCESS, FAILURE, DENIED

	}

}
