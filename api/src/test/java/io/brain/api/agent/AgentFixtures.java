package io.brain.api.agent;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tenant with one connection of each kind an agent's settings name, and the settings of
 * a campaign analyst that uses them.
 */
abstract class AgentFixtures extends ApiTestContext {

	/** The model connection's API key: it must never leave the secret store. */
	static final String MODEL_API_KEY = "sk-agent-fixture-0123456789abcdefghij";

	@Autowired
	ObjectMapper json;

	String tenant;

	UUID model;

	UUID ads;

	UUID blog;

	UUID mail;

	UUID slack;

	void tenantWithConnections() throws Exception {
		this.tenant = "agents-" + UUID.randomUUID().toString().substring(0, 8);
		this.model = connection(this.tenant, Map.of("type", "openai", "name", "OpenAI", "config",
				Map.of("apiKey", MODEL_API_KEY, "defaultModel", "gpt-4o-mini")));
		this.ads = connection(this.tenant,
				Map.of("type", "google-ads", "name", "Ads account", "config",
						Map.of("developerToken", "dev-token-fixture", "clientId", "client", "clientSecret",
								"client-secret-fixture", "refreshToken", "refresh-token-fixture", "customerId",
								"1234567890")));
		this.blog = connection(this.tenant, Map.of("type", "wordpress", "name", "Blog", "config", Map.of("siteUrl",
				"https://blog.example.com", "username", "editor", "applicationPassword", "wp-password-fixture")));
		this.mail = connection(this.tenant, Map.of("type", "email", "name", "Mail", "config", Map.of("host",
				"smtp.example.com", "port", 587, "tlsMode", "STARTTLS", "fromAddress", "ai@example.com")));
		this.slack = connection(this.tenant,
				Map.of("type", "slack", "name", "Slack", "config", Map.of("botToken", "xoxb-fixture-token")));
	}

	UUID connection(String tenant, Map<String, Object> body) throws Exception {
		return UUID.fromString(this.json.readTree(this.mvc
			.perform(post("/api/connectors").with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText());
	}

	/** The settings of a campaign analyst with one read tool, as a request body. */
	ObjectNode analyst() {
		ObjectNode request = this.json.createObjectNode();
		ObjectNode config = request.putObject("config");
		config.put("name", "Campaign analyst");
		config.put("role", "You are a witty marketing expert who reads campaign numbers.");
		config.put("taskPrompt", "Summarise last week's campaigns.");
		ObjectNode model = config.putObject("model");
		model.put("connectionId", this.model.toString());
		model.put("temperature", 0.7);
		ObjectNode tool = config.putArray("tools").addObject();
		tool.put("connector", "wordpress");
		tool.put("action", "create-post");
		tool.put("connectionId", this.blog.toString());
		tool.put("access", "WRITE");
		return request;
	}

	ResultActions create(ObjectNode request) throws Exception {
		return this.mvc.perform(post("/api/agents").with(TestTokens.user(this.tenant, "editor"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(request)));
	}

	ResultActions update(UUID id, ObjectNode request) throws Exception {
		return this.mvc.perform(put("/api/agents/{id}", id).with(TestTokens.user(this.tenant, "editor"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(request)));
	}

	UUID created(ObjectNode request) throws Exception {
		return UUID.fromString(read(create(request).andExpect(status().isCreated())).get("id").asText());
	}

	JsonNode read(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	long rows(String table) {
		return TenantContext.call(this.tenant,
				() -> this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
	}

}
