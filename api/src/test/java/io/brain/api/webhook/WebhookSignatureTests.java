package io.brain.api.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.api.webhook.internal.Signatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each provider's signature, through the real ingress: a valid one is stored and answered
 * 202; a wrong secret, a tampered body, a missing header (and for Stripe an expired
 * timestamp) get 401 and store nothing; the same provider event id twice is stored once.
 */
class WebhookSignatureTests extends WebhookTestContext {

	static final String SECRET = "whsec_test_0123456789abcdefghij";

	@ParameterizedTest
	@EnumSource(WebhookProvider.class)
	void webhookWhenSignedByProviderThenStoredElseRefusedWithNothingStored(WebhookProvider provider) throws Exception {
		String tenant = "sig-" + provider.name().toLowerCase().replace('_', '-');
		automation(tenant, "on-event", true);
		JsonNode created = listener(tenant, listenerRequest("In " + provider, provider, "on-event", SECRET));
		String id = created.at("/listener/id").asText();
		String path = path(created);
		String eventId = "evt_" + UUID.randomUUID();
		String body = body(provider, eventId, "order.paid");

		this.mvc.perform(signed(path, provider, "whsec_wrong_secret_0123456789", body, eventId, "order.paid"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(Signatures.header(provider, null)));
		this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The " + Signatures.header(provider, null) + " header is missing."));
		if (provider != WebhookProvider.BEARER) {
			// A bearer token does not sign the body; every other scheme does.
			String tampered = body.replace("ada@example.com", "eve@example.com");
			this.mvc
				.perform(signed(path, provider, SECRET, body, eventId, "order.paid")
					.content(tampered.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isUnauthorized());
		}
		assertThat(deliveries(tenant, id)).isZero();

		this.mvc.perform(signed(path, provider, SECRET, body, eventId, "order.paid"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("RECEIVED"));
		this.mvc.perform(signed(path, provider, SECRET, body, eventId, "order.paid"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DUPLICATE"));
		assertThat(deliveries(tenant, id)).isEqualTo(1);
	}

	@Test
	void stripeWhenTimestampOutsideToleranceThenRefusedAndNothingStored() throws Exception {
		automation("sig-stripe-late", "on-event", true);
		JsonNode created = listener("sig-stripe-late",
				listenerRequest("Stripe", WebhookProvider.STRIPE, "on-event", SECRET));
		String body = body(WebhookProvider.STRIPE, "evt_late", "invoice.paid");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

		this.mvc
			.perform(post(path(created)).contentType(MediaType.APPLICATION_JSON)
				.content(bytes)
				.header("Stripe-Signature", Signatures.stripeHeader(SECRET, sixMinutesAgo, bytes)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(
					"The Stripe-Signature timestamp is more than 300 seconds from now: a late or replayed delivery."));
		this.mvc
			.perform(post(path(created)).contentType(MediaType.APPLICATION_JSON)
				.content(bytes)
				.header("Stripe-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00ff"))
			.andExpect(status().isUnauthorized());
		assertThat(deliveries("sig-stripe-late", created.at("/listener/id").asText())).isZero();
	}

	@Test
	void genericHmacWhenConfiguredHeaderAndBase64ThenVerifiesThatHeader() throws Exception {
		automation("sig-generic", "on-event", true);
		var request = listenerRequest("Generic", WebhookProvider.HMAC_SHA256, "on-event", SECRET);
		request.put("signatureHeader", "X-Acme-Signature");
		request.put("signatureEncoding", "BASE64");
		JsonNode created = listener("sig-generic", request);
		byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
		String signature = java.util.Base64.getEncoder().encodeToString(Signatures.hmac(SECRET, body));

		this.mvc
			.perform(post(path(created)).contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-Signature", signature))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post(path(created)).contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-Acme-Signature", "sha256=" + signature))
			.andExpect(status().isAccepted());
		assertThat(deliveries("sig-generic", created.at("/listener/id").asText())).isEqualTo(1);
	}

	@Test
	void wooCommerceWhenPingedUnsignedThenAnswered200AndNothingStored() throws Exception {
		automation("sig-woo-ping", "on-event", true);
		JsonNode created = listener("sig-woo-ping",
				listenerRequest("Woo", WebhookProvider.WOOCOMMERCE, "on-event", SECRET));

		this.mvc
			.perform(post(path(created)).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("webhook_id=17"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PING"));
		this.mvc
			.perform(post(path(created)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("webhook_id=17&order=1"))
			.andExpect(status().isUnauthorized());
		assertThat(deliveries("sig-woo-ping", created.at("/listener/id").asText())).isZero();
	}

}
