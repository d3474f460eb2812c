package io.brain.workers.connector.zohocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.error.ConnectorInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data centre a connection names decides the hosts Brain calls: the accounts server
 * for tokens and the API domain for records, as Zoho's multi-DC guide lists them.
 */
class ZohoDataCentreTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void dataCentreWhenChosenThenTokensAndRecordsGoToItsHosts() {
		assertThat(ZohoDataCentre.labels()).containsExactly("US (.com)", "EU (.eu)", "IN (.in)", "AU (.com.au)",
				"JP (.jp)", "CA (zohocloud.ca)", "SA (.sa)", "CN (.com.cn)");
		String[][] expected = { { "US (.com)", "https://accounts.zoho.com", "https://www.zohoapis.com" },
				{ "EU (.eu)", "https://accounts.zoho.eu", "https://www.zohoapis.eu" },
				{ "IN (.in)", "https://accounts.zoho.in", "https://www.zohoapis.in" },
				{ "AU (.com.au)", "https://accounts.zoho.com.au", "https://www.zohoapis.com.au" },
				{ "JP (.jp)", "https://accounts.zoho.jp", "https://www.zohoapis.jp" },
				{ "CA (zohocloud.ca)", "https://accounts.zohocloud.ca", "https://www.zohoapis.ca" },
				{ "SA (.sa)", "https://accounts.zoho.sa", "https://www.zohoapis.sa" },
				{ "CN (.com.cn)", "https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn" } };
		for (String[] centre : expected) {
			ZohoDataCentre dataCentre = ZohoDataCentre.of(centre[0]);
			assertThat(dataCentre.tokenUrl(null)).isEqualTo(centre[1] + "/oauth/v2/token");
			assertThat(dataCentre.apiBase(null, JSON.createObjectNode())).isEqualTo(centre[2] + "/crm/v8");
		}
	}

	@Test
	void apiBaseWhenZohoNamesItsApiDomainThenUsesItUnlessItIsNotZohos() throws Exception {
		ZohoDataCentre us = ZohoDataCentre.of("US (.com)");
		assertThat(us.apiBase(null, JSON.readTree("{\"api_domain\": \"https://www.zohoapis.com\"}")))
			.isEqualTo("https://www.zohoapis.com/crm/v8");
		assertThat(us.apiBase(null, JSON.readTree("{\"api_domain\": \"https://crm.zohoapis.com\"}")))
			.isEqualTo("https://crm.zohoapis.com/crm/v8");
		assertThat(us.apiBase(null, JSON.readTree("{\"api_domain\": \"https://zohoapis.example.net\"}")))
			.isEqualTo("https://www.zohoapis.com/crm/v8");
		assertThat(us.apiBase(null, JSON.readTree("{\"api_domain\": \"http://www.zohoapis.com\"}")))
			.isEqualTo("https://www.zohoapis.com/crm/v8");
		assertThat(us.apiBase("https://zoho-gateway.example/",
				JSON.readTree("{\"api_domain\": \"https://www.zohoapis.com\"}")))
			.isEqualTo("https://zoho-gateway.example/crm/v8");
		assertThat(us.tokenUrl("https://accounts-gateway.example"))
			.isEqualTo("https://accounts-gateway.example/oauth/v2/token");
	}

	@Test
	void dataCentreWhenUnknownThenSaysWhichOnesExist() {
		assertThatExceptionOfType(ConnectorInputException.class).isThrownBy(() -> ZohoDataCentre.of("Mars (.mars)"))
			.withMessageContaining("EU (.eu)");
	}

}
