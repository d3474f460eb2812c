package io.brain.api.webhook;

import java.util.List;
import java.util.UUID;

import io.brain.api.message.PublishMessageRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates or changes a webhook listener.
 *
 * @param name a name unique in the tenant
 * @param provider who sends the webhooks; fixed once created
 * @param automationKey the automation each delivery starts, or (CORRELATE) the one whose
 * runs wait for the message; give this or {@code agentId}
 * @param agentId instead of an automation, the agent each delivery starts a run of (START
 * only): it is asked its task with the delivery's event
 * @param eventTypes the event types to take (a trailing {@code *} matches a prefix);
 * empty or absent for every event
 * @param signatureHeader generic HMAC-SHA256: the header with the signature (default
 * {@code X-Signature})
 * @param signatureEncoding generic HMAC-SHA256: HEX (default) or BASE64
 * @param eventTypePointer generic providers: a JSON pointer to the event type in the
 * body, such as {@code /type}
 * @param eventIdHeader generic providers: a header with the sender's event id
 * @param mode START (the default) starts a run of the automation per delivery; CORRELATE
 * publishes a message that resumes a waiting run
 * @param messageName CORRELATE: the message to publish, as named in the BPMN
 * @param correlationKeyPointer CORRELATE: a JSON pointer to the correlation key in the
 * payload, such as {@code /data/object/metadata/orderId}
 * @param correlationKeyHeader CORRELATE: a header with the correlation key, instead of a
 * pointer
 * @param secret the signing secret or token the provider gave you (at least 16
 * characters); Brain makes one when absent on creation. Write-only.
 */
public record SaveWebhookListenerRequest(@NotBlank @Size(max = 100) String name, @NotNull WebhookProvider provider,
		@Schema(nullable = true) @Size(max = 100) String automationKey, @Schema(nullable = true) UUID agentId,
		@Schema(nullable = true) @Size(max = 50) List<@NotBlank @Size(max = 255) String> eventTypes,
		@Schema(nullable = true) @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+",
				message = "must be a header name: letters, digits and '-'") String signatureHeader,
		@Schema(nullable = true) SignatureEncoding signatureEncoding,
		@Schema(nullable = true) @Size(max = 200) String eventTypePointer,
		@Schema(nullable = true) @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+",
				message = "must be a header name: letters, digits and '-'") String eventIdHeader,
		@Schema(nullable = true) ListenerMode mode,
		@Schema(nullable = true) @Size(max = 100) @Pattern(regexp = PublishMessageRequest.NAME_PATTERN,
				message = PublishMessageRequest.NAME_RULE) String messageName,
		@Schema(nullable = true) @Size(max = 200) String correlationKeyPointer,
		@Schema(nullable = true) @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+",
				message = "must be a header name: letters, digits and '-'") String correlationKeyHeader,
		@Schema(nullable = true, writeOnly = true) @Size(min = 16, max = 500) String secret) {

	public SaveWebhookListenerRequest {
		eventTypes = (eventTypes != null) ? List.copyOf(eventTypes) : List.of();
		mode = (mode != null) ? mode : ListenerMode.START;
	}

	@Override
	public String toString() {
		return "SaveWebhookListenerRequest[" + this.name + ", " + this.provider + ", "
				+ ((this.agentId != null) ? "agent " + this.agentId : this.automationKey) + "]";
	}

}
