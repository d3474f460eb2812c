package io.brain.api.apikey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiKeyTests extends ApiTestContext {

	@Autowired
	ObjectMapper json;

	@Test
	void keyWhenCreatedThenShownOnceStoredHashedAndWorksUntilRevoked() throws Exception {
		JsonNode created = create("acme", "{\"name\":\"Shop sync\",\"permissions\":[\"runs:read\"]}");
		String key = created.get("key").asText();
		String id = created.at("/apiKey/id").asText();
		assertThat(key).startsWith("brk_").hasSizeGreaterThan(40);

		String listed = this.mvc.perform(get("/api/api-keys").with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).contains("Shop sync").contains(key.substring(0, 12)).doesNotContain(key);
		try (Connection superuser = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement();
				var rows = statement.executeQuery("select * from api_key where id = '" + id + "'")) {
			rows.next();
			for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
				assertThat(String.valueOf(rows.getObject(column))).doesNotContain(key);
			}
		}

		this.mvc.perform(get("/api/runs").header("X-API-Key", key)).andExpect(status().isOk());
		this.mvc.perform(get("/api/runs").header("Authorization", "Bearer " + key)).andExpect(status().isOk());
		this.mvc.perform(get("/api/me").header("X-API-Key", key))
			.andExpect(jsonPath("$.kind").value("API_KEY"))
			.andExpect(jsonPath("$.tenantId").value("acme"));
		this.mvc.perform(get("/api/api-keys").with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].lastUsedAt").isNotEmpty());

		this.mvc.perform(delete("/api/api-keys/{id}", id).with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revokedAt").isNotEmpty());
		this.mvc.perform(get("/api/runs").header("X-API-Key", key))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\"")));
	}

	@Test
	void keyWhenUsedBeyondItsPermissionsThenForbidden() throws Exception {
		String key = create("acme", "{\"name\":\"Reader\",\"permissions\":[\"runs:read\"]}").get("key").asText();
		this.mvc
			.perform(post("/api/runs").header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"processId\":\"x\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/api-keys").header("X-API-Key", key)).andExpect(status().isForbidden());
	}

	@Test
	void keyWhenExpiredThenUnauthorized() throws Exception {
		JsonNode created = create("acme", "{\"name\":\"Short-lived\",\"permissions\":[\"runs:read\"]}");
		try (Connection superuser = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement()) {
			statement.executeUpdate("update api_key set expires_at = now() - interval '1 minute' where id = '"
					+ created.at("/apiKey/id").asText() + "'");
		}
		this.mvc.perform(get("/api/runs").header("X-API-Key", created.get("key").asText()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void keyOfOneTenantCannotRevokeOrSeeAnothersKeys() throws Exception {
		String globexKey = create("globex", "{\"name\":\"Globex key\",\"permissions\":[\"runs:read\"]}")
			.at("/apiKey/id")
			.asText();
		this.mvc.perform(delete("/api/api-keys/{id}", globexKey).with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/api-keys").with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(jsonPath("$[?(@.id == '" + globexKey + "')]").isEmpty());
	}

	@Test
	void createWhenPermissionsBeyondCreatorsOrUnknownThenProblemNamesField() throws Exception {
		this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user("acme", "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Too much\",\"permissions\":[\"tenants:manage\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("permissions"));
		this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user("acme", "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Odd\",\"permissions\":[\"rockets:launch\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("permissions"));
		this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user("acme", "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"permissions\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(2));
	}

	@Test
	void guessingWhenKeysKeepFailingThenAddressIsThrottled() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/runs").header("X-API-Key", "brk_guess" + i).with((request) -> {
				request.setRemoteAddr("10.9.9.9");
				return request;
			})).andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/runs").header("X-API-Key", "brk_guess-again").with((request) -> {
			request.setRemoteAddr("10.9.9.9");
			return request;
		})).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		this.mvc.perform(get("/api/runs").header("X-API-Key", "brk_other").with((request) -> {
			request.setRemoteAddr("10.9.9.10");
			return request;
		})).andExpect(status().isUnauthorized());
	}

	private JsonNode create(String tenant, String body) throws Exception {
		return this.json.readTree(
				this.mvc
					.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

}
