package io.brain.infra.launcher;

import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor configures a WordPress connection through the form the connector's schema
 * renders, and tests it: the api runs the test through the engine, the workers call the
 * site (a local server answering as WordPress's REST API documents), and the status
 * follows.
 */
class ConnectorsEndToEndTests {

	@Test
	void connectionWhenConfiguredTestedAndSyncedThenPostsShowInTheClientPortal() {
		SharedPlatform.get();
		try (RecordingHttpServer wordpress = RecordingHttpServer.start();
				SignedInBrowser browser = SignedInBrowser.open("/connectors", "acme-editor")) {
			Page page = browser.page();
			page.getByTestId("add-connection-wordpress").click();
			page.getByTestId("connection-name").fill("Company blog");
			page.getByTestId("field-siteUrl").fill(wordpress.url(""));
			page.getByTestId("field-username").fill("editor");
			page.getByTestId("field-applicationPassword").fill("abcd EFGH ijkl MNOP");
			page.getByTestId("save-connection").click();

			assertThat(page.getByTestId("connection-status")).containsText("Not tested");
			wordpress.answer(200, Map.of("Content-Type", "application/json"),
					"{\"id\": 3, \"name\": \"Erin Editor\", \"slug\": \"editor\"}");
			page.getByTestId("test-connection").click();
			assertThat(page.getByTestId("connection-status")).containsText("Connected",
					new ContainsTextOptions().setTimeout(40_000));
			assertThat(page.getByTestId("connection-status-message")).containsText("Signed in as Erin Editor");
			assertThat(page.content()).doesNotContain("abcd EFGH ijkl MNOP");

			Recorded call = wordpress.take(Duration.ofSeconds(5));
			assertThat(call.uri().getPath()).isEqualTo("/wp-json/wp/v2/users/me");
			assertThat(call.header("Authorization")).startsWith("Basic ");

			wordpress.answer(200, Map.of("Content-Type", "application/json", "X-WP-TotalPages", "1"), """
					[{"id": 21, "status": "publish", "link": "https://blog.example.com/launch",
					  "modified_gmt": "2026-11-24T09:00:00", "title": {"rendered": "Launch day"}},
					 {"id": 22, "status": "publish", "link": "https://blog.example.com/recap",
					  "modified_gmt": "2026-11-23T09:00:00", "title": {"rendered": "Weekly recap"}}]
					""");
			page.getByTestId("sync-posts").click();
			assertThat(page.getByTestId("sync-result-posts")).containsText("Fetched 2",
					new ContainsTextOptions().setTimeout(60_000));
			assertThat(page.getByTestId("record-row")).hasCount(2);

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/portal/cms");
			assertThat(page.getByTestId("portal-row")).hasCount(2);
			assertThat(page.getByTestId("portal-row").first()).containsText("Launch day");
		}
	}

}
