package io.brain.api.webhook;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.message.PublishMessageRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A locked delivery as a run or a message takes it, its body decoded once: JSON where it
 * is JSON, fields where it is a form, text otherwise.
 *
 * @param locked the delivery and what its listener says to do with it
 * @param payload the decoded body
 */
record DeliveryInput(DeliveryRepository.Locked locked, Object payload) {

	/** Decodes a delivery's body. */
	static DeliveryInput of(DeliveryRepository.Locked locked, ObjectMapper json) {
		return new DeliveryInput(locked, decode(locked.delivery(), json));
	}

	DeliveryRepository.StoredDelivery delivery() {
		return this.locked.delivery();
	}

	/**
	 * What started the run, unique in the tenant: the run carries it, so a start whose
	 * answer was lost is found before the delivery is started again.
	 */
	String startKey() {
		return "webhook:" + delivery().id();
	}

	/**
	 * The run's input: {@code webhook.deliveryId}, {@code event}, {@code eventId},
	 * {@code headers}, {@code payload}...
	 */
	Map<String, Object> variables() {
		DeliveryRepository.StoredDelivery delivery = delivery();
		Map<String, Object> webhook = new LinkedHashMap<>();
		webhook.put("deliveryId", delivery.id().toString());
		webhook.put("listener", this.locked.listenerName());
		webhook.put("provider", this.locked.provider().name());
		webhook.put("event", delivery.eventType());
		webhook.put("eventId", delivery.providerEventId());
		webhook.put("receivedAt", delivery.receivedAt().toString());
		webhook.put("headers", delivery.headers());
		webhook.put("payload", this.payload);
		return Map.of("webhook", webhook);
	}

	/**
	 * The message a CORRELATE listener publishes for the delivery, with the correlation
	 * key taken from the payload or a header. Its id is the id of the event's first
	 * delivery, so a second try or a replay while the first message is kept resumes
	 * nothing twice.
	 * @return the message, or why there is none
	 */
	Correlation correlation(ObjectMapper json, long timeToLiveMillis) {
		DeliveryRepository.Locked listener = this.locked;
		String correlationKey;
		String missing;
		if (listener.correlationKeyPointer() != null) {
			JsonNode value = json.valueToTree(this.payload).at(listener.correlationKeyPointer());
			correlationKey = (value.isValueNode() && !value.isNull()) ? value.asText() : null;
			missing = "The correlation key pointer " + listener.correlationKeyPointer() + " found "
					+ (value.isContainerNode() ? "an object or a list, not a value," : "nothing")
					+ " in the payload: no message was published.";
		}
		else {
			correlationKey = delivery().headers().get(listener.correlationKeyHeader().toLowerCase(Locale.ROOT));
			missing = "The delivery has no " + listener.correlationKeyHeader()
					+ " header to take the correlation key from: no message was published.";
		}
		if (correlationKey == null || correlationKey.isBlank()) {
			return new Correlation.Missing(missing);
		}
		if (correlationKey.length() > PublishMessageRequest.MAX_CORRELATION_KEY) {
			return new Correlation.Missing("The correlation key is longer than "
					+ PublishMessageRequest.MAX_CORRELATION_KEY + " characters: no message was published.");
		}
		return new Correlation.Message(new PublishMessageRequest(listener.messageName(), correlationKey, variables(),
				listener.firstDeliveryId().toString(), timeToLiveMillis));
	}

	/** The message of a delivery, or why it has none. */
	sealed interface Correlation {

		record Message(PublishMessageRequest request) implements Correlation {
		}

		record Missing(String reason) implements Correlation {
		}

	}

	private static Object decode(DeliveryRepository.StoredDelivery delivery, ObjectMapper json) {
		String body = delivery.payload();
		try {
			JsonNode node = json.readTree(body);
			if (node != null && node.isContainerNode()) {
				return json.convertValue(node, Object.class);
			}
		}
		catch (IOException notJson) {
			// Read as a form or as text below.
		}
		String type = (delivery.contentType() != null) ? delivery.contentType() : "";
		if (type.startsWith("application/x-www-form-urlencoded")) {
			Map<String, Object> fields = new LinkedHashMap<>();
			UriComponentsBuilder.newInstance()
				.query(body)
				.build()
				.getQueryParams()
				.forEach((name, values) -> fields.put(formDecoded(name), (values.size() == 1)
						? formDecoded(values.get(0)) : values.stream().map(DeliveryInput::formDecoded).toList()));
			return fields;
		}
		return body;
	}

	private static String formDecoded(String value) {
		return (value != null) ? URLDecoder.decode(value, StandardCharsets.UTF_8) : "";
	}

}
