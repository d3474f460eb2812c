package io.brain.api.webhook.internal;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.core.secret.SecretFieldNames;

/**
 * A webhook payload as the delivery log shows it: values of keys that look secret or
 * personal-financial (passwords, tokens, card numbers...) masked, and the whole cut to a
 * readable length.
 */
public final class PayloadMask {

	/** The longest payload the log shows, in characters. */
	public static final int MAX_SHOWN = 4000;

	private static final String MASK = "****";

	private static final Pattern SENSITIVE = Pattern.compile(
			".*(card|cvc|cvv|iban|account_?number|ssn|api_?key|signature|hmac|session|cookie).*",
			Pattern.CASE_INSENSITIVE);

	private PayloadMask() {
	}

	/**
	 * The payload to show.
	 * @param json the mapper
	 * @param payload the payload as received
	 * @return JSON with sensitive values masked, or the text when it is not JSON; cut to
	 * {@value #MAX_SHOWN} characters
	 */
	public static String mask(ObjectMapper json, String payload) {
		String shown;
		try {
			JsonNode node = json.readTree(payload);
			if (node == null || !node.isContainerNode()) {
				shown = payload;
			}
			else {
				mask(node);
				shown = json.writeValueAsString(node);
			}
		}
		catch (java.io.IOException notJson) {
			shown = maskForm(payload);
		}
		return (shown.length() > MAX_SHOWN) ? shown.substring(0, MAX_SHOWN) + "… (cut)" : shown;
	}

	/** Whether a key's value is kept from the log and from process variables' headers. */
	public static boolean isSensitive(String key) {
		return SecretFieldNames.looksSecret(key) || SENSITIVE.matcher(key).matches();
	}

	private static void mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.properties().forEach((entry) -> {
				if (isSensitive(entry.getKey()) && !entry.getValue().isContainerNode() && !entry.getValue().isNull()) {
					entry.setValue(object.textNode(MASK));
				}
				else {
					mask(entry.getValue());
				}
			});
		}
		else if (node != null && node.isArray()) {
			node.forEach(PayloadMask::mask);
		}
	}

	/** A form body ({@code a=1&password=x}) with sensitive fields masked. */
	private static String maskForm(String payload) {
		if (!payload.contains("=") || payload.contains("\n")) {
			return payload;
		}
		StringBuilder masked = new StringBuilder();
		for (String pair : payload.split("&", -1)) {
			if (!masked.isEmpty()) {
				masked.append('&');
			}
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			masked.append((equals >= 0 && isSensitive(key)) ? key + "=" + MASK : pair);
		}
		return masked.toString();
	}

}
