package io.brain.infra.launcher;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.brain.infra.launcher.SharedPlatform.send;
import static io.brain.infra.launcher.SharedPlatform.token;
import static io.brain.infra.launcher.SharedPlatform.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * System Health in a real browser on the platform as {@code ./brain up} starts it: the
 * platform admin sees every component up, the worker process alive and the runs counted
 * as they start; a tenant admin sees no link, no page and no figures.
 */
class SystemHealthEndToEndTests {

	static final String TEMPLATE = "webhook-payload-to-http-request";

	@Test
	void systemHealthWhenPlatformAdminThenShowsLiveFigures() {
		SharedPlatform.get();
		String tenantAdmin = token("acme-admin");
		assertThat(send(tenantAdmin, "POST", "/api/process-templates/" + TEMPLATE + "/deployments", null).statusCode())
			.isEqualTo(201);
		startRun(tenantAdmin);
		try (SignedInBrowser browser = SignedInBrowser.open("/", "platform-admin")) {
			Page page = browser.page();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("System Health")).click();

			Locator database = component(page, "database");
			assertThat(database.getByTestId("health-state")).hasText("Up");
			assertThat(database.getByTestId("health-version")).hasText(Pattern.compile("^\\d+(\\.\\d+)+"));
			Locator engine = component(page, "engine");
			assertThat(engine.getByTestId("health-state")).hasText("Up");
			assertThat(engine).containsText("Operaton");
			assertThat(engine.getByTestId("health-version")).hasText(Pattern.compile("^\\d+\\.\\d+\\.\\d+"));
			assertThat(component(page, "keycloak").getByTestId("health-state")).hasText("Up");
			Locator aliveWorkers = page.getByTestId("worker-row")
				.filter(new Locator.FilterOptions()
					.setHas(page.getByText("Alive", new Page.GetByTextOptions().setExact(true))));
			assertThat(aliveWorkers.first()).isVisible();
			assertThat(page.getByTestId("inbox-depth")).hasText(Pattern.compile("^\\d+$"));
			Locator runsTotal = page.getByTestId("runs-total");
			assertThat(runsTotal).hasText(Pattern.compile("^[1-9]\\d*$"));

			// Live: a run started now shows without reloading the page.
			int before = Integer.parseInt(runsTotal.innerText().trim());
			startRun(tenantAdmin);
			assertThat(runsTotal).not()
				.hasText(String.valueOf(before),
						new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
			assertThat(Integer.parseInt(runsTotal.innerText().trim())).isGreaterThan(before);
		}
		assertThat(send(token("platform-admin"), "GET", "/api/system/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void systemHealthWhenTenantAdminThenNoLinkNoPageAndForbidden() {
		SharedPlatform.get();
		try (SignedInBrowser browser = SignedInBrowser.open("/", "acme-admin")) {
			Page page = browser.page();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit Log"))).isVisible();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("System Health"))).hasCount(0);

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/health");

			assertThat(page.getByTestId("no-access")).isVisible();
			assertThat(page.getByTestId("health-component")).hasCount(0);
		}
		var response = send(token("acme-admin"), "GET", "/api/system/health", null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private static void startRun(String token) {
		String start = write(Map.of("processId", TEMPLATE, "variables",
				Map.of("payload", Map.of(), "targetUrl", "http://127.0.0.1:9/")));
		assertThat(send(token, "POST", "/api/runs", start).statusCode()).isEqualTo(201);
	}

	private static Locator component(Page page, String id) {
		return page.locator("[data-testid=health-component][data-id=" + id + "]");
	}

}
