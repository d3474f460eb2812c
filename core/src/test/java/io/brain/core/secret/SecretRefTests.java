package io.brain.core.secret;

import io.brain.core.tenant.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretRefTests {

	@Test
	void createWhenTenantOrPlatformScopeThenAccepts() {
		assertThat(SecretRef.of(new TenantId("acme"), "stripe/api-key")).hasToString("acme/stripe/api-key");
		assertThat(SecretRef.platform("smtp.password_1")).isEqualTo(new SecretRef("_platform", "smtp.password_1"));
		assertThat(new SecretRef("acme", "a".repeat(200)).name()).hasSize(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "A", "Acme", "1acme", "acme corp", "_tenant", "platform/x" })
	void createWhenScopeInvalidThenRejects(String scope) {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new SecretRef(scope, "name"))
			.withMessageContaining("scope");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "with space", "quote\"", "new\nline", "/leading", "trailing/", "double//slash", "..",
			"../other-tenant/key", "a/./b", "a/../b", "ümlaut" })
	void createWhenNameInvalidThenRejects(String name) {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new SecretRef("acme", name))
			.withMessageContaining("secret name");
	}

	@Test
	void createWhenNameTooLongThenRejects() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new SecretRef("acme", "a".repeat(201)));
	}

	@Test
	void createWhenNullThenRejects() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new SecretRef(null, "name"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new SecretRef("acme", null));
	}

}
