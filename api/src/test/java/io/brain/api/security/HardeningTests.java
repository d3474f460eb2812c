package io.brain.api.security;

import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HardeningTests extends ApiTestContext {

	@Test
	void webAppWhenServedThenCarriesSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"));
	}

	@Test
	void bodyWhenLargerThanLimitThenPayloadTooLargeProblem() throws Exception {
		byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
		this.mvc
			.perform(post("/api/deployments").with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(tooLarge))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void preflightWhenOriginIsNotTheWebAppThenRefused() throws Exception {
		this.mvc
			.perform(options("/api/runs").header("Origin", "https://evil.example")
				.header("Access-Control-Request-Method", "GET"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(options("/api/runs").header("Origin", "http://localhost:8080")
				.header("Access-Control-Request-Method", "GET"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:8080"));
	}

	@Test
	void errorWhenUnexpectedPathThenProblemJsonWithoutInternals() throws Exception {
		this.mvc.perform(get("/api/does-not-exist").with(TestTokens.user("acme", "editor")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	@Test
	void requestWhenTenantDisabledThenForbidden() throws Exception {
		this.mvc
			.perform(post("/api/tenants").with(TestTokens.user(null, "platform-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"soon-disabled\",\"name\":\"Soon disabled\"}"))
			.andExpect(status().isCreated());
		// Disabled in the database: PATCH /api/tenants/{id} also disables the tenant's
		// users
		// in Keycloak, which is not running here, and a request that fails keeps nothing.
		this.jdbc.sql("update tenant set status = 'DISABLED' where id = 'soon-disabled'").update();
		this.mvc.perform(get("/api/runs").with(TestTokens.user("soon-disabled", "viewer")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Your tenant is disabled."));
	}

}
