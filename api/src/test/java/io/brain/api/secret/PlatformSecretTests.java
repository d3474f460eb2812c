package io.brain.api.secret;

import io.brain.api.ApiTestContext;
import io.brain.api.DatabaseScan;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ExtendWith(OutputCaptureExtension.class)
class PlatformSecretTests extends ApiTestContext {

	static final String VALUE = "sk-live-PLAINTEXT-canary-4f1d9c";

	@Test
	void setWhenSavedThenNoPlaintextInAnyColumnResponseOrLog(CapturedOutput output) throws Exception {
		String response = this.mvc
			.perform(put("/api/platform/secrets/openai-api-key").with(TestTokens.user(null, "platform-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"" + VALUE + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.set").value(true))
			.andExpect(jsonPath("$.mask").value("••••••••"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String listed = this.mvc.perform(get("/api/platform/secrets").with(TestTokens.user(null, "platform-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == 'openai-api-key')].set").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(response).doesNotContain(VALUE);
		assertThat(listed).doesNotContain(VALUE);
		assertThat(output.getAll()).doesNotContain(VALUE);
		assertThat(DatabaseScan.columnsContaining(databaseUrl(), VALUE)).isEmpty();
		assertThat(TenantContext.call(TenantContext.PLATFORM,
				() -> this.jdbc.sql("select count(*) from audit_log where target_type = 'platform secret'")
					.query(Long.class)
					.single()))
			.isPositive();
	}

	@Test
	void setWhenNotPlatformAdminThenForbiddenAndNothingStored() throws Exception {
		this.mvc
			.perform(put("/api/platform/secrets/stripe-secret-key").with(TestTokens.user("acme", "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"sk_test_x\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(delete("/api/platform/secrets/stripe-secret-key").with(TestTokens.user(null, "platform-admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void setWhenNameInvalidThenProblemNamesField() throws Exception {
		this.mvc
			.perform(put("/api/platform/secrets/{name}", "bad name!").with(TestTokens.user(null, "platform-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
	}

}
