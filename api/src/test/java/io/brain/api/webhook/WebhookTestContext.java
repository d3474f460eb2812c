package io.brain.api.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.TestTokens;
import io.brain.api.webhook.internal.Signatures;
import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.model.bpmn.Bpmn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The api with real PostgreSQL and the open engine embedded, as it runs by default; the
 * dispatcher retries quickly.
 */
@SpringBootTest(properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
		"brain.keycloak.url=http://127.0.0.1:9", "BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"brain.webhooks.public-url=https://brain.example.com", "brain.webhooks.max-body-size=64KB",
		"brain.webhooks.dispatch-interval=50ms", "brain.webhooks.retry-backoff=100ms",
		"brain.webhooks.max-retry-backoff=500ms", "brain.webhooks.start-timeout=5s" })
@AutoConfigureMockMvc
abstract class WebhookTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> EmbeddedDatabase.forTests().ensureDatabase("webhook_tests"));
		properties.add("spring.datasource.username", () -> "brain_app");
	}

	static RequestPostProcessor admin(String tenant) {
		return TestTokens.user(tenant, "tenant-admin");
	}

	/** Creates an automation (start, end) and deploys it unless told not to. */
	void automation(String tenant, String key, boolean deploy) throws Exception {
		automation(tenant, key, Bpmn.convertToString(Bpmn.createExecutableProcess("p").startEvent().endEvent().done()),
				deploy);
	}

	/** Creates an automation with a diagram and deploys it unless told not to. */
	void automation(String tenant, String key, String bpmnXml, boolean deploy) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", key);
		body.put("name", "Flow " + key);
		body.put("bpmnXml", bpmnXml);
		this.mvc
			.perform(post("/api/automations").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(body)))
			.andExpect(status().isCreated());
		if (deploy) {
			this.mvc
				.perform(post("/api/automations/{key}/versions/1/deployment", key)
					.with(TestTokens.user(tenant, "editor")))
				.andExpect(status().isOk());
		}
	}

	/** Creates a listener; answers the created listener and its secret. */
	JsonNode listener(String tenant, Map<String, Object> request) throws Exception {
		return JSON.readTree(this.mvc
			.perform(post("/api/webhooks").with(admin(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(request)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	static Map<String, Object> listenerRequest(String name, WebhookProvider provider, String automation,
			String secret) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("name", name);
		request.put("provider", provider.name());
		request.put("automationKey", automation);
		request.put("secret", secret);
		if (provider == WebhookProvider.HMAC_SHA256 || provider == WebhookProvider.BEARER) {
			request.put("eventTypePointer", "/type");
			request.put("eventIdHeader", "X-Event-Id");
		}
		return request;
	}

	static String path(JsonNode created) {
		String url = created.at("/listener/url").asText();
		return url.substring(url.indexOf("/hooks/"));
	}

	/** A body as each provider sends one, for an event with an id and a type. */
	static String body(WebhookProvider provider, String eventId, String type) {
		return switch (provider) {
			case STRIPE -> "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type
					+ "\",\"data\":{\"object\":{\"id\":\"cs_1\",\"customer_email\":\"ada@example.com\","
					+ "\"card\":\"4242424242424242\",\"amount_total\":1999}}}";
			default -> "{\"id\":1001,\"type\":\"" + type + "\",\"email\":\"ada@example.com\",\"password\":\"hunter2\","
					+ "\"total\":\"19.99\"}";
		};
	}

	/**
	 * A webhook signed as the provider signs it, with the provider's event id and type
	 * headers.
	 */
	static MockHttpServletRequestBuilder signed(String path, WebhookProvider provider, String secret, String body,
			String eventId, String type) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequestBuilder request = post(path).contentType(MediaType.APPLICATION_JSON).content(bytes);
		byte[] mac = Signatures.hmac(secret, bytes);
		return switch (provider) {
			case STRIPE -> request.header("Stripe-Signature",
					Signatures.stripeHeader(secret, Instant.now().getEpochSecond(), bytes));
			case SHOPIFY -> request.header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac))
				.header("X-Shopify-Topic", type)
				.header("X-Shopify-Webhook-Id", eventId)
				.header("X-Shopify-Shop-Domain", "shop.myshopify.com");
			case WOOCOMMERCE -> request.header("X-WC-Webhook-Signature", Base64.getEncoder().encodeToString(mac))
				.header("X-WC-Webhook-Topic", type)
				.header("X-WC-Webhook-Delivery-ID", eventId);
			case GITHUB -> request.header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac))
				.header("X-GitHub-Event", type)
				.header("X-GitHub-Delivery", eventId);
			case HMAC_SHA256 ->
				request.header("X-Signature", HexFormat.of().formatHex(mac)).header("X-Event-Id", eventId);
			case BEARER -> request.header("Authorization", "Bearer " + secret).header("X-Event-Id", eventId);
		};
	}

	long deliveries(String tenant, String listenerId) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from webhook_delivery where listener_id = :id")
					.param("id", UUID.fromString(listenerId))
					.query(Long.class)
					.single());
	}

	long runs(String tenant, String processId) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from run where process_id = :processId")
					.param("processId", processId)
					.query(Long.class)
					.single());
	}

}
