package io.brain.workers.connector.mailchimp;

import io.camunda.connector.api.error.ConnectorInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mailchimp's API lives in the data centre named at the end of an API key, and a member
 * is named by the MD5 hash of its lowercased address, as Mailchimp documents.
 */
class MailchimpDataCentreTests {

	@Test
	void baseUrlWhenKeyEndsWithDataCentreThenPointsThere() {
		assertThat(MailchimpClient.baseUrl("0123456789abcdef0123456789abcdef-us21"))
			.isEqualTo("https://us21.api.mailchimp.com/3.0");
	}

	@Test
	void baseUrlWhenKeyHasNoDataCentreOrAHostInsteadThenRefusedInPlainWords() {
		assertThatExceptionOfType(ConnectorInputException.class)
			.isThrownBy(() -> MailchimpClient.baseUrl("0123456789abcdef0123456789abcdef"))
			.withMessageContaining("no data centre at its end");
		assertThatExceptionOfType(ConnectorInputException.class)
			.isThrownBy(() -> MailchimpClient.baseUrl("0123456789abcdef-evil.example/x"));
	}

	@Test
	void subscriberHashWhenAddressHasCapitalsThenHashesItLowercased() {
		assertThat(MailchimpClient.subscriberHash("Ana@Example.com")).isEqualTo("cdb9d6a1dddc375a09cc83e3001598dc");
	}

}
