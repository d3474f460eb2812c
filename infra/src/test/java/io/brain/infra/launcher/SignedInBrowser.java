package io.brain.infra.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, headless, driven by Playwright (which never downloads a browser),
 * signed in to the shared platform through Keycloak's login page.
 */
final class SignedInBrowser implements AutoCloseable {

	private final Playwright playwright;

	private final Browser browser;

	private final Page page;

	private SignedInBrowser(Playwright playwright, Browser browser, Page page) {
		this.playwright = playwright;
		this.browser = browser;
		this.page = page;
	}

	/**
	 * Opens a page of the web app and signs in on the login page Keycloak redirects to.
	 * @param path the page to open, e.g. {@code /audit}
	 * @param username a demo user
	 * @return the signed-in browser, on the page asked for
	 */
	static SignedInBrowser open(String path, String username) {
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
		Page page = browser.newPage();
		page.navigate(SharedPlatform.get().settings().apiUrl() + path);
		page.waitForURL((url) -> url.contains("/realms/brain/protocol/openid-connect/auth"),
				new Page.WaitForURLOptions().setTimeout(30_000));
		page.fill("#username", username);
		page.fill("#password", SharedPlatform.DEMO_PASSWORD);
		page.click("#kc-login");
		return new SignedInBrowser(playwright, browser, page);
	}

	Page page() {
		return this.page;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
