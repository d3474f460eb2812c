package io.brain.core.secret;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFieldNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "password", "apiKey", "api_key", "key", "privateKey", "secretKey", "clientSecret",
			"secret", "accessToken", "refresh_token", "Authorization", "credentials", "applicationPassword" })
	void looksSecretWhenNameHoldsASecretThenTrue(String name) {
		assertThat(SecretFieldNames.looksSecret(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "automationKey", "idempotencyKey", "Idempotency-Key", "correlationKey",
			"correlationKeyPointer", "correlationKeyHeader", "processInstanceKey", "processDefinitionKey", "jobKey",
			"messageKey", "publicKey", "name", "resource" })
	void looksSecretWhenNameOnlyIdentifiesSomethingThenFalse(String name) {
		assertThat(SecretFieldNames.looksSecret(name)).isFalse();
	}

}
