package io.brain.api.message;

import java.time.Duration;
import java.util.Optional;

import io.brain.api.identity.CurrentUser;
import io.brain.api.input.InputText;
import io.brain.api.problem.BrainProblem;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Publishes messages to the engine for a tenant: the one place Brain publishes. The
 * engine keeps every message inside the tenant (a message never reaches another tenant's
 * runs).
 */
@Service
public class Messages {

	private static final Logger logger = LoggerFactory.getLogger(Messages.class);

	private final Engine engine;

	private final MessageProperties properties;

	Messages(Engine engine, MessageProperties properties) {
		this.engine = engine;
		this.properties = properties;
	}

	/**
	 * Publishes a message, or answers 400 when it cannot carry its variables and 503 when
	 * the engine cannot take it now.
	 */
	public PublishedMessage publish(CurrentUser user, PublishMessageRequest request) {
		return switch (publishFor(user.tenant(), request)) {
			case Publication.Published published -> published.message();
			case Publication.Refused refused -> throw BrainProblem.badInput("variables", refused.reason());
			case Publication.EngineAway away -> {
				logger.warn("The engine could not take a message: {}", away.reason().getMessage());
				throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
						"The engine cannot take the message now; try again in a moment.");
			}
		};
	}

	/**
	 * Publishes a message inside a tenant, for Brain's own background work too (the
	 * webhook dispatcher, which tries again later what the engine cannot take now). On an
	 * engine that joins transactions it is published in the caller's transaction.
	 */
	public Publication publishFor(TenantId tenant, PublishMessageRequest request) {
		InputText.Refusal unstorable = InputText.refusalIn(request.variables());
		if (unstorable != null) {
			// The runs it resumes would hold variables no record of them can store.
			return new Publication.Refused("The variable '" + unstorable.field() + "' " + unstorable.reason()
					+ ": a message cannot carry it.");
		}
		Duration timeToLive = (request.timeToLive() != null) ? Duration.ofMillis(request.timeToLive())
				: this.properties.timeToLive();
		Engine.MessagePublished published;
		try {
			published = this.engine.publish(tenant, new Engine.Message(request.name(), request.correlationKey(),
					request.variables(), timeToLive, Optional.ofNullable(request.messageId())));
		}
		catch (EngineException ex) {
			return (ex.kind() == EngineException.Kind.REFUSED)
					? new Publication.Refused("The engine refused the message: " + ex.getMessage())
					: new Publication.EngineAway(ex);
		}
		return new Publication.Published(new PublishedMessage(request.name(), request.correlationKey(),
				request.messageId(), published.messageKey(), published.duplicate()));
	}

	/** How a publication went. */
	public sealed interface Publication {

		/** The engine took it. */
		record Published(PublishedMessage message) implements Publication {
		}

		/** It will not be published as it is: why, in words for the user. */
		record Refused(String reason) implements Publication {
		}

		/** The engine cannot take it now: it may later. */
		record EngineAway(EngineException reason) implements Publication {
		}

	}

}
