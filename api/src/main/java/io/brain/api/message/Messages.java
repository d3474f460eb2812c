package io.brain.api.message;

import java.time.Duration;
import java.util.Optional;

import io.brain.api.identity.CurrentUser;
import io.brain.api.input.InputText;
import io.brain.api.problem.BrainProblem;
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
	 * Publishes a message, or answers 503 when the engine cannot take it now.
	 */
	public PublishedMessage publish(CurrentUser user, PublishMessageRequest request) {
		try {
			return publishAccepted(user, request);
		}
		catch (EngineException ex) {
			if (!ex.isTransient()) {
				throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
						"The engine did not accept the message: " + ex.getMessage());
			}
			logger.warn("The engine could not take a message: {}", ex.getMessage());
			throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
					"The engine cannot take the message now; try again in a moment.");
		}
	}

	/**
	 * Publishes a message for a caller that tries again later when the engine cannot take
	 * it now (the webhook dispatcher).
	 * @return the message, or that one with its name and id was published before
	 * @throws EngineException when the engine did not take it; transient when it may
	 * later (unreachable, back-pressure, timeout)
	 */
	public PublishedMessage publishAccepted(CurrentUser user, PublishMessageRequest request) {
		InputText.Refusal unstorable = InputText.refusalIn(request.variables());
		if (unstorable != null) {
			// The runs it resumes would hold variables no record of them can store.
			throw BrainProblem.badInput("variables", "The variable '" + unstorable.field() + "' " + unstorable.reason()
					+ ": a message cannot carry it.");
		}
		Duration timeToLive = (request.timeToLive() != null) ? Duration.ofMillis(request.timeToLive())
				: this.properties.timeToLive();
		Engine.MessagePublished published;
		try {
			published = this.engine.publish(user.tenant(), new Engine.Message(request.name(), request.correlationKey(),
					request.variables(), timeToLive, Optional.ofNullable(request.messageId())));
		}
		catch (EngineException ex) {
			if (ex.kind() == EngineException.Kind.REFUSED) {
				throw BrainProblem.badInput("variables", "The engine refused the message: " + ex.getMessage());
			}
			throw ex;
		}
		return new PublishedMessage(request.name(), request.correlationKey(), request.messageId(),
				published.messageKey(), published.duplicate());
	}

}
