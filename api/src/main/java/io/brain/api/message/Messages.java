package io.brain.api.message;

import java.time.Duration;

import io.brain.api.identity.CurrentUser;
import io.brain.api.input.InputText;
import io.brain.api.problem.BrainProblem;
import io.brain.api.run.EngineUnavailableException;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantNamespace;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.PublishMessageCommandStep1.PublishMessageCommandStep3;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Publishes messages to the engine for a tenant: the one place Brain publishes, so every
 * message name gets the tenant's namespace, as the deployed BPMN's message names do (a
 * message never reaches another tenant's runs).
 */
@Service
public class Messages {

	private static final Logger logger = LoggerFactory.getLogger(Messages.class);

	private final CamundaClient zeebe;

	private final MessageProperties properties;

	Messages(CamundaClient zeebe, MessageProperties properties) {
		this.zeebe = zeebe;
		this.properties = properties;
	}

	/**
	 * Publishes a message, or answers 503 when the engine cannot take it now.
	 */
	public PublishedMessage publish(CurrentUser user, PublishMessageRequest request) {
		try {
			return publishAccepted(user, request, this.properties.publishTimeout());
		}
		catch (EngineUnavailableException ex) {
			logger.warn("The engine could not take a message: {}", ex.getMessage());
			throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
					"The engine cannot take the message now; try again in a moment.");
		}
	}

	/**
	 * Publishes a message for a caller that tries again later when the engine cannot take
	 * it now (the webhook dispatcher).
	 * @param timeout how long to wait for the engine's answer
	 * @return the message, or that one with its name and id was published before
	 * @throws EngineUnavailableException when the engine could not take it now
	 * (unreachable, back-pressure, timeout)
	 */
	public PublishedMessage publishAccepted(CurrentUser user, PublishMessageRequest request, Duration timeout) {
		TenantId tenant = user.tenant();
		InputText.Refusal unstorable = InputText.refusalIn(request.variables());
		if (unstorable != null) {
			// The runs it resumes would hold variables no record of them can store.
			throw BrainProblem.badInput("variables", "The variable '" + unstorable.field() + "' " + unstorable.reason()
					+ ": a message cannot carry it.");
		}
		Duration timeToLive = (request.timeToLive() != null) ? Duration.ofMillis(request.timeToLive())
				: this.properties.timeToLive();
		PublishMessageCommandStep3 command = this.zeebe.newPublishMessageCommand()
			.messageName(TenantNamespace.engineId(tenant, request.name()))
			.correlationKey(request.correlationKey())
			.timeToLive(timeToLive)
			.variables(request.variables());
		if (request.messageId() != null) {
			command = command.messageId(request.messageId());
		}
		try {
			long key = command.requestTimeout(timeout).send().join().getMessageKey();
			return new PublishedMessage(request.name(), request.correlationKey(), request.messageId(),
					String.valueOf(key), false);
		}
		catch (ClientStatusException ex) {
			if (ex.getStatusCode() == Status.Code.ALREADY_EXISTS) {
				return new PublishedMessage(request.name(), request.correlationKey(), request.messageId(), null, true);
			}
			if (ex.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
				throw BrainProblem.badInput("variables", "The engine refused the message: "
						+ ex.getMessage().replace(TenantNamespace.engineId(tenant, ""), ""));
			}
			if (EngineUnavailableException.isTransient(ex)) {
				throw EngineUnavailableException.of("the message", ex);
			}
			logger.warn("The engine refused a message: {}", ex.getMessage());
			throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
					"The engine did not accept the message (" + ex.getStatusCode() + ").");
		}
		catch (ClientException ex) {
			// No status: the request did not reach the gateway (connection, channel).
			throw EngineUnavailableException.of("the message", ex);
		}
	}

}
