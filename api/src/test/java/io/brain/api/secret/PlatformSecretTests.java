package io.brain.api.secret;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.database.EmbeddedDatabase;
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
		assertThat(columnsContaining(VALUE)).isEmpty();
		assertThat(TenantContext.call(TenantContext.PLATFORM,
				() -> this.jdbc.sql("select count(*) from audit_log where target_type = 'platform'")
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

	/** Every text and binary column of every table, read as the superuser. */
	private static List<String> columnsContaining(String plaintext) throws Exception {
		byte[] needle = plaintext.getBytes(StandardCharsets.UTF_8);
		List<String> found = new ArrayList<>();
		try (Connection superuser = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement()) {
			List<String[]> columns = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("""
					select table_name, column_name from information_schema.columns
					where table_schema = 'public'
					  and data_type in ('text', 'character varying', 'bytea', 'jsonb', 'json', 'ARRAY')
					""")) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			for (String[] column : columns) {
				try (ResultSet rs = statement
					.executeQuery("select \"" + column[1] + "\"::text from \"" + column[0] + "\"")) {
					while (rs.next()) {
						String value = rs.getString(1);
						if (value != null && (value.contains(plaintext) || contains(rs.getBytes(1), needle))) {
							found.add(column[0] + "." + column[1]);
						}
					}
				}
			}
		}
		return found;
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		if (haystack == null) {
			return false;
		}
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
