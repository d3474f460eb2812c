package io.brain.infra.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions;
import com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions;
import com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An editor builds an automation in the BPMN editor (the Camunda 8 modeler with the
 * connector element templates). By hand, as a new user does: adds a Slack step from the
 * palette's menu and its connector templates, connects and ends it through the step's
 * menus, fills it in the properties panel, opens the wrench and the template chooser,
 * saves, deploys and runs it. With imported diagrams: one whose Slack step names a
 * connection the tenant lacks, its problem marked on the step; one whose HTTP request
 * step calls a local server, saved, deployed and run; then a webhook listener for it, a
 * signed webhook to its address, and the run it starts completing on the Runs page; and
 * the export of the diagram.
 */
class AutomationEditorEndToEndTests {

	static final String KEY = "order-paid-e2e";

	@Test
	void automationWhenSlackStepAddedFromThePaletteThenSavedDeployedAndRun() {
		RecordingHttpServer slack = SharedPlatform.slack();
		slack.reset();
		try (SignedInBrowser browser = SignedInBrowser.open("/connectors", "acme-editor")) {
			Page page = browser.page();
			page.getByTestId("add-connection-slack").click();
			page.getByTestId("connection-name").fill("marketing-slack");
			page.getByTestId("field-botToken").fill("xoxb-e2e-marketing");
			page.getByTestId("save-connection").click();
			assertThat(page.getByTestId("connection-status")).containsText("Not tested");

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/integrations/automation");
			page.getByTestId("create-automation").click();
			page.getByTestId("automation-name").fill("Tell marketing");
			page.getByTestId("automation-key").fill("tell-marketing-e2e");
			page.getByTestId("submit-automation").click();
			page.waitForURL("**/integrations/automation/tell-marketing-e2e");
			assertThat(page.getByTestId("editor-canvas")).hasAttribute("data-ready", "true",
					new HasAttributeOptions().setTimeout(60_000));

			// The palette's "…" (its menus were empty while two Preact copies were
			// bundled): Templates lists the connectors; the Slack step follows the
			// pointer until a click on the canvas places it, right of the start.
			Locator menu = page.locator(".djs-popup");
			page.locator(".djs-palette [data-action='create']").click();
			// Opened low on a window smaller than the page, it stays inside the window.
			BoundingBox opened = menu.boundingBox();
			assertThat(opened.y + opened.height).isLessThanOrEqualTo(page.viewportSize().height);
			menu.locator("[data-id='create-templates']").click();
			assertThat(menu.locator(".entry")).containsText(new String[] { "Email", "FluentCRM" });
			menu.locator("[data-id='create.template-io.brain.slack']").click();
			BoundingBox start = element(page, "StartEvent_1").boundingBox();
			BoundingBox canvas = page.getByTestId("editor-canvas").boundingBox();
			page.mouse().click(Math.min(start.x + 300, canvas.x + canvas.width - 120), start.y + start.height / 2);
			Locator placed = page.getByTestId("editor-canvas").locator(".djs-shape.selected");
			assertThat(placed).hasCount(1);
			String step = placed.getAttribute("data-element-id");
			assertThat(page.getByTestId("editor-properties")).containsText("Slack");

			// The start's "connect", then the step; the step's "…" appends an end event.
			select(page, "StartEvent_1");
			contextPad(page, "connect").click();
			element(page, step).click();
			select(page, step);
			contextPad(page, "append").click();
			menu.locator("[data-id='append-events']").click();
			menu.locator("[data-id='append-end-events']").click();
			menu.locator("[data-id='append-none-end-event']").click();
			assertThat(page.getByTestId("editor-canvas").locator(".djs-connection")).hasCount(2);

			select(page, step);
			Locator properties = page.getByTestId("editor-properties");
			// The wrench offers the other task kinds and the connector templates.
			contextPad(page, "replace").click();
			assertThat(menu.locator("[data-id='replace.template-io.brain.http']")).isVisible();
			page.keyboard().press("Escape");
			assertThat(menu).hasCount(0);
			// The panel's Template "Change" opens the template chooser with the
			// connectors.
			properties.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Applied")).click();
			properties.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change")).click();
			assertThat(menu).containsText("Choose element template");
			assertThat(menu).containsText("HTTP request");
			// Escape closes it from its search box, where a person types; pressed before
			// the box has the focus, the key would reach the page instead.
			menu.locator("input").first().focus();
			page.keyboard().press("Escape");
			assertThat(menu).hasCount(0);

			// Filled in the properties panel: the connection by name, the channel and the
			// text.
			for (String group : new String[] { "General", "Connection", "Message" }) {
				properties.locator(".bio-properties-panel-group-header")
					.filter(new Locator.FilterOptions().setHasText(group))
					.first()
					.click();
			}
			properties.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Post to marketing");
			properties.getByLabel("Connection", new Locator.GetByLabelOptions().setExact(true)).fill("marketing-slack");
			properties.getByLabel("Channel", new Locator.GetByLabelOptions().setExact(true)).fill("#marketing");
			properties.getByLabel("Text", new Locator.GetByLabelOptions().setExact(true)).fill("An order was paid");

			// Version 1 is the empty diagram the automation was created with.
			page.getByTestId("editor-save").click();
			assertThat(page.getByTestId("editor-status")).containsText("Saved as version 2");
			assertThat(page.getByTestId("editor-problems")).hasCount(0);
			page.getByTestId("editor-deploy").click();
			assertThat(page.getByTestId("editor-status")).containsText("Version 2 deployed",
					new ContainsTextOptions().setTimeout(60_000));

			slack.answer(200, Map.of("Content-Type", "application/json"),
					"{\"ok\": true, \"channel\": \"C0MARKETING\", \"ts\": \"1733560000.000100\"}");
			page.getByTestId("editor-run").click();
			page.getByTestId("run-variables").fill("{}");
			page.getByTestId("run-start").click();
			assertThat(page.getByTestId("run-id")).hasText(Pattern.compile("[0-9]+"),
					new HasTextOptions().setTimeout(30_000));
			String runId = page.getByTestId("run-id").textContent();
			Recorded post = slack.take(Duration.ofSeconds(60));
			assertThat(post.method()).isEqualTo("POST");
			assertThat(post.uri().getPath()).isEqualTo("/chat.postMessage");
			assertThat(post.header("Authorization")).isEqualTo("Bearer xoxb-e2e-marketing");
			JsonNode message = SharedPlatform.read(post.body());
			assertThat(message.path("channel").asText()).isEqualTo("#marketing");
			assertThat(message.path("text").asText()).isEqualTo("An order was paid");
			String token = SharedPlatform.token("acme-editor");
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode run = SharedPlatform
					.read(SharedPlatform.send(token, "GET", "/api/runs/" + runId, null).body());
				assertThat(run.path("state").asText()).isEqualTo("COMPLETED");
			});
		}
	}

	@Test
	void automationWhenBrokenStepSavedThenMarkedAndWhenFixedThenSavedDeployedAndRun(@TempDir Path files)
			throws IOException {
		SharedPlatform.get();
		try (RecordingHttpServer shop = RecordingHttpServer.start();
				SignedInBrowser browser = SignedInBrowser.open("/integrations/automation", "acme-editor")) {
			Page page = browser.page();
			page.getByTestId("create-automation").click();
			page.getByTestId("automation-name").fill("Order paid");
			page.getByTestId("automation-key").fill(KEY);
			page.getByTestId("submit-automation").click();

			page.waitForURL("**/integrations/automation/" + KEY);
			assertThat(page.getByTestId("editor-canvas")).hasAttribute("data-ready", "true",
					new HasAttributeOptions().setTimeout(60_000));
			assertThat(element(page, "StartEvent_1")).isVisible();
			assertThat(page.getByTestId("automation-deployed")).hasText("Not deployed");
			// The palette's icons are glyphs of the bpmn font: without its stylesheet (or
			// a UTF-8 page) they show as mojibake.
			assertThat(page.evaluate("document.characterSet")).isEqualTo("UTF-8");
			assertThat((String) page.evaluate("getComputedStyle(document.querySelector("
					+ "'.djs-palette .bpmn-icon-start-event-none'), '::before').fontFamily"))
				.contains("bpmn");

			page.getByTestId("editor-import").setInputFiles(resource("order-paid-notify-team.bpmn"));
			assertThat(page.getByTestId("editor-status")).containsText("Imported “order-paid-notify-team.bpmn”");
			assertThat(element(page, "tell-the-team")).isVisible();
			page.getByTestId("editor-save").click();
			assertThat(page.getByTestId("editor-problems"))
				.containsText("This tenant has no Slack connection named 'team-slack'");
			assertThat(page.locator(".djs-element.diagram-problem[data-element-id='tell-the-team']")).hasCount(1);
			assertThat(page.locator("[data-testid='diagram-problem'][data-problem-element='tell-the-team']"))
				.isVisible();
			page.getByTestId("editor-problem-select").click();
			// Selected, the step shows the fields of the Slack template in the properties
			// panel.
			assertThat(page.getByTestId("editor-properties")).containsText("Tell the team");
			assertThat(page.getByTestId("editor-properties")).containsText("Slack");
			assertThat(page.getByTestId("editor-properties")).containsText("Connection");
			assertThat(page.getByTestId("version-row")).hasCount(1);

			Path fixed = files.resolve("order-paid-notify-shop.bpmn");
			Files.writeString(fixed, Files.readString(resource("order-paid-notify-shop.bpmn"))
				.replace("${targetUrl}", shop.url("/orders")));
			page.getByTestId("editor-import").setInputFiles(fixed);
			assertThat(element(page, "notify-the-shop")).isVisible();
			assertThat(page.getByTestId("editor-problems")).hasCount(0);
			page.getByTestId("editor-note").fill("Notify the shop");
			page.getByTestId("editor-save").click();
			assertThat(page.getByTestId("editor-status")).containsText("Saved as version 2");
			assertThat(page.getByTestId("version-row")).hasCount(2);
			assertThat(version(page, 2)).containsText("Notify the shop");

			page.getByTestId("editor-deploy").click();
			assertThat(page.getByTestId("editor-status")).containsText("Version 2 deployed",
					new ContainsTextOptions().setTimeout(60_000));
			assertThat(page.getByTestId("automation-deployed")).hasText("Version 2 deployed");
			assertThat(version(page, 2).getByTestId("version-status")).hasText("Deployed");
			assertThat(version(page, 1).getByTestId("version-status")).hasText("Draft");

			page.getByTestId("editor-run").click();
			page.getByTestId("run-variables").fill("{\"orderId\": 7}");
			page.getByTestId("run-start").click();
			assertThat(page.getByTestId("run-id")).hasText(Pattern.compile("[0-9]+"),
					new HasTextOptions().setTimeout(30_000));
			String runId = page.getByTestId("run-id").textContent();
			Recorded call = shop.take(Duration.ofSeconds(60));
			assertThat(call.method()).isEqualTo("POST");
			assertThat(call.uri().getPath()).isEqualTo("/orders");
			assertThat(SharedPlatform.read(call.body()))
				.isEqualTo(SharedPlatform.read("{\"orderId\":7,\"status\":\"paid\"}"));
			String token = SharedPlatform.token("acme-editor");
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode run = SharedPlatform
					.read(SharedPlatform.send(token, "GET", "/api/runs/" + runId, null).body());
				assertThat(run.path("state").asText()).isEqualTo("COMPLETED");
			});

			// A webhook listener for it, created on the Webhooks page, and a signed
			// webhook
			// to its address: the run it starts completes on the Runs page.
			page.navigate(SharedPlatform.get().settings().apiUrl() + "/integrations/webhooks");
			page.getByTestId("create-webhook").click();
			page.getByTestId("webhook-name").fill("Shop orders");
			page.getByTestId("webhook-provider").selectOption("GITHUB");
			page.getByTestId("webhook-automation").fill(KEY);
			page.getByTestId("submit-webhook").click();
			String secret = page.getByTestId("new-webhook-secret").textContent().strip();
			Locator listener = page.locator("[data-testid='webhook-row'][data-name='Shop orders']");
			assertThat(listener.getByTestId("webhook-live")).containsText("Live");
			listener.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Shop orders")).click();
			String address = page.getByTestId("webhook-url").textContent().strip();
			HttpResponse<String> accepted = SharedPlatform.postGitHubWebhook(address, secret,
					"{\"action\":\"paid\",\"orderId\":8}");
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			Recorded hooked = shop.take(Duration.ofSeconds(60));
			assertThat(SharedPlatform.read(hooked.body()))
				.isEqualTo(SharedPlatform.read("{\"orderId\":8,\"status\":\"paid\"}"));
			// The delivery log, opened before the webhook came, shows it once loaded
			// again.
			page.reload();
			assertThat(page.getByTestId("delivery-row").first()).hasAttribute("data-status", "DISPATCHED",
					new HasAttributeOptions().setTimeout(30_000));

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/runs");
			page.getByTestId("runs-automation-filter").fill(KEY);
			Locator hookedRun = page.locator("[data-testid='run-row']")
				.filter(new Locator.FilterOptions().setHasText("By webhook “Shop orders”"));
			// The page loads itself again while a listed run has not ended.
			assertThat(hookedRun.getByTestId("run-state")).hasAttribute("data-state", "COMPLETED",
					new HasAttributeOptions().setTimeout(60_000));
			hookedRun.getByRole(AriaRole.LINK).click();
			assertThat(page.getByTestId("run-start")).containsText("By webhook “Shop orders”");
			assertThat(page.locator("[data-testid='run-step'][data-outcome='COMPLETED']"))
				.containsText(new String[] { "Order paid", "Notify the shop", "Shop notified" });
			assertThat(page.getByTestId("run-input")).containsText("\"orderId\": 8");

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/integrations/automation/" + KEY);
			assertThat(page.getByTestId("editor-canvas")).hasAttribute("data-ready", "true",
					new HasAttributeOptions().setTimeout(60_000));
			Download download = page.waitForDownload(() -> page.getByTestId("editor-export").click());
			assertThat(download.suggestedFilename()).isEqualTo(KEY + ".bpmn");
			assertThat(Files.readString(download.path())).contains("notify-the-shop", "io.brain:http-request:1");

			version(page, 1).getByTestId("version-view").click();
			assertThat(page.getByTestId("version-canvas")).hasAttribute("data-ready", "true",
					new HasAttributeOptions().setTimeout(30_000));
			assertThat(page.getByTestId("version-viewer").locator(".djs-element[data-element-id='StartEvent_1']"))
				.isVisible();

			page.navigate(SharedPlatform.get().settings().apiUrl() + "/integrations/automation");
			Locator row = page.locator("[data-testid='automation-row'][data-key='" + KEY + "']");
			assertThat(row).containsText("Order paid");
			assertThat(row.getByTestId("automation-deployed-version")).hasText("2");
		}
	}

	/**
	 * Selects an element by a click, after a click on empty canvas closes the context pad
	 * of the element selected before (it may lie over this one).
	 */
	private static void select(Page page, String id) {
		Locator canvas = page.getByTestId("editor-canvas");
		BoundingBox box = canvas.boundingBox();
		canvas.click(new Locator.ClickOptions().setPosition(box.width / 2, box.height - 30));
		element(page, id).click();
		assertThat(canvas.locator(".djs-element.selected[data-element-id='" + id + "']")).hasCount(1);
	}

	/** An action of the selected element's context pad. */
	private static Locator contextPad(Page page, String action) {
		return page.locator(".djs-context-pad [data-action='" + action + "']");
	}

	/** An element of the diagram on the editor's canvas. */
	private static Locator element(Page page, String id) {
		return page.getByTestId("editor-canvas").locator(".djs-element[data-element-id='" + id + "']");
	}

	private static Locator version(Page page, int number) {
		return page.locator("[data-testid='version-row'][data-version='" + number + "']");
	}

	private static Path resource(String name) {
		try {
			return Path.of(AutomationEditorEndToEndTests.class.getResource("/automation-editor/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
