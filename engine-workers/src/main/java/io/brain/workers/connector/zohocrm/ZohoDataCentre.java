package io.brain.workers.connector.zohocrm;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorInputException;

/**
 * The data centres Zoho runs CRM accounts in, each with its own accounts server (where
 * tokens are issued) and API domain (Zoho's "Multi DC" guide). An account lives in one of
 * them: a refresh token from accounts.zoho.eu means nothing to accounts.zoho.com.
 */
enum ZohoDataCentre {

	US("US (.com)", "https://accounts.zoho.com", "https://www.zohoapis.com"),

	EU("EU (.eu)", "https://accounts.zoho.eu", "https://www.zohoapis.eu"),

	IN("IN (.in)", "https://accounts.zoho.in", "https://www.zohoapis.in"),

	AU("AU (.com.au)", "https://accounts.zoho.com.au", "https://www.zohoapis.com.au"),

	JP("JP (.jp)", "https://accounts.zoho.jp", "https://www.zohoapis.jp"),

	CA("CA (zohocloud.ca)", "https://accounts.zohocloud.ca", "https://www.zohoapis.ca"),

	SA("SA (.sa)", "https://accounts.zoho.sa", "https://www.zohoapis.sa"),

	CN("CN (.com.cn)", "https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn");

	/** The CRM API's version and path on an API domain. */
	static final String API_PATH = "/crm/v8";

	/** The token endpoint's path on an accounts server. */
	static final String TOKEN_PATH = "/oauth/v2/token";

	/**
	 * What an {@code api_domain} in Zoho's token answer must look like to be used: one of
	 * Zoho's own API hosts, over HTTPS.
	 */
	private static final Pattern ZOHO_API_DOMAIN = Pattern
		.compile("https://([a-z0-9-]+\\.)*zohoapis\\.(com|eu|in|com\\.au|jp|ca|sa|com\\.cn)");

	private final String label;

	private final String accountsUrl;

	private final String apiUrl;

	ZohoDataCentre(String label, String accountsUrl, String apiUrl) {
		this.label = label;
		this.accountsUrl = accountsUrl;
		this.apiUrl = apiUrl;
	}

	/** The options of the connection's data centre field, as the form shows them. */
	static List<String> labels() {
		return Arrays.stream(values()).map((centre) -> centre.label).toList();
	}

	/**
	 * The data centre a connection names.
	 * @param label the value of the connection's data centre field
	 * @return the data centre
	 * @throws ConnectorInputException when it names none
	 */
	static ZohoDataCentre of(String label) {
		return Arrays.stream(values())
			.filter((centre) -> centre.label.equals(label))
			.findFirst()
			.orElseThrow(() -> new ConnectorInputException(
					"The connection's data centre must be one of " + labels() + ", not " + label));
	}

	/** The accounts server, e.g. {@code https://accounts.zoho.eu}. */
	String accountsUrl() {
		return this.accountsUrl;
	}

	/** The API domain, e.g. {@code https://www.zohoapis.eu}. */
	String apiUrl() {
		return this.apiUrl;
	}

	/**
	 * The token endpoint of this data centre.
	 * @param accountsOverride the accounts server set for {@code zoho-crm-accounts}, or
	 * {@code null}
	 */
	String tokenUrl(String accountsOverride) {
		return ((accountsOverride != null) ? accountsOverride : this.accountsUrl).replaceAll("/+$", "") + TOKEN_PATH;
	}

	/**
	 * Where the CRM API of this data centre is: the API domain set for
	 * {@code zoho-crm-api} if any, else the {@code api_domain} Zoho named when it issued
	 * the token (if it is one of Zoho's API hosts), else the data centre's API domain.
	 * @param apiOverride the API domain set for {@code zoho-crm-api}, or {@code null}
	 * @param tokenAnswer what Zoho answered when it issued the access token
	 */
	String apiBase(String apiOverride, JsonNode tokenAnswer) {
		if (apiOverride != null) {
			return apiOverride.replaceAll("/+$", "") + API_PATH;
		}
		String domain = (tokenAnswer != null) ? tokenAnswer.path("api_domain").asText("") : "";
		if (ZOHO_API_DOMAIN.matcher(domain).matches()) {
			return domain + API_PATH;
		}
		return this.apiUrl + API_PATH;
	}

}
