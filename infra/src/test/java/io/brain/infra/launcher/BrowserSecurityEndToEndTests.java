package io.brain.infra.launcher;

import java.net.http.HttpRequest;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.brain.infra.launcher.SharedPlatform.send;
import static io.brain.infra.launcher.SharedPlatform.token;
import static io.brain.infra.launcher.SharedPlatform.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin in a real browser: creates an API key and sees it once, an external
 * system uses it, the admin revokes it and it is refused, and the Audit Log page shows
 * all three.
 */
class BrowserSecurityEndToEndTests {

	static final String TEMPLATE = "webhook-payload-to-http-request";

	@Test
	void apiKeyWhenCreatedUsedAndRevokedThenAuditLogPageShowsAllThree() {
		SharedPlatform.get();
		assertThat(send(token("acme-admin"), "POST", "/api/process-templates/" + TEMPLATE + "/deployments", null)
			.statusCode()).isEqualTo(201);
		try (SignedInBrowser browser = SignedInBrowser.open("/integrations/api-keys", "acme-admin")) {
			Page page = browser.page();

			page.getByTestId("create-api-key").click();
			page.getByTestId("api-key-name").fill("Browser key");
			page.getByTestId("permission-runs:start").check();
			page.getByTestId("submit-api-key").click();
			Locator shown = page.getByTestId("new-api-key-value");
			assertThat(shown).isVisible();
			String key = shown.innerText().trim();
			assertThat(key).startsWith("brk_");
			page.getByTestId("close-secret").click();
			assertThat(page.getByTestId("new-api-key-value")).hasCount(0);
			assertThat(page.content()).doesNotContain(key);

			String start = write(Map.of("processId", TEMPLATE, "variables",
					Map.of("payload", Map.of(), "targetUrl", "http://127.0.0.1:9/")));
			assertThat(send(HttpRequest.newBuilder(java.net.URI.create(SharedPlatform.apiUrl() + "/api/runs"))
				.header("X-API-Key", key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(start))).statusCode()).isEqualTo(201);

			Locator row = page.locator("[data-testid=api-key-row][data-name='Browser key']");
			row.getByTestId("revoke-api-key").click();
			row.getByTestId("confirm-revoke").click();
			assertThat(row.getByTestId("api-key-status")).hasText("Revoked");
			assertThat(send(HttpRequest.newBuilder(java.net.URI.create(SharedPlatform.apiUrl() + "/api/runs"))
				.header("X-API-Key", key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(start))).statusCode()).isEqualTo(401);

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/audit");
			Locator rows = page.getByTestId("audit-row");
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("acme-admin created API key 'Browser key'"))
				.first()).isVisible();
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("Browser key started run")).first())
				.isVisible();
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("acme-admin revoked API key 'Browser key'"))
				.first()).isVisible();
			page.getByTestId("verify-chain").click();
			assertThat(page.getByTestId("chain-status")).containsText("Chain intact");
		}
	}

}
