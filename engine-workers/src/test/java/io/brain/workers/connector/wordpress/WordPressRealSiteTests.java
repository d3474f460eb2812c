package io.brain.workers.connector.wordpress;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WordPress connector against a real WordPress (Debian's package on PHP with
 * MariaDB), with an application password WordPress itself created: create a post, test
 * the connection, sync posts and pages, and read them back.
 */
@Tag("slow")
class WordPressRealSiteTests extends ConnectorTestContext {

	static final RealWordPress site = RealWordPress.start();

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void connectorWhenSiteIsRealThenCreatesAPostTestsAndSyncsPostsAndPages() {
		UUID connection = ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "wordpress", "real-site",
				"{\"siteUrl\": \"" + site.url() + "\", \"username\": \"" + RealWordPress.USER + "\"}",
				Map.of("applicationPassword", site.applicationPassword()));
		TenantId acme = new TenantId("acme");
		ZeebeProcesses
			.deployFor(acme,
					ZeebeProcesses.step("real-create", WordPressConnector.TYPE, "create-post",
							Map.of("connection", "\"real-site\"", "title", "\"Made by Brain\"", "content",
									"\"<p>Hello from Brain</p>\"", "status", "\"publish\"")),
					this.client, this.registry);
		ZeebeProcesses.deployFor(acme, ZeebeProcesses.step("real-test", WordPressConnector.TYPE, "test-connection",
				Map.of("connectionId", "connectionId")), this.client, this.registry);
		ZeebeProcesses.deployFor(acme, ZeebeProcesses.step("real-sync", WordPressConnector.TYPE, "sync",
				Map.of("connectionId", "connectionId", "resource", "resource")), this.client, this.registry);

		Map<String, Object> created = ZeebeProcesses.run(this.client, "real-create", Map.of());
		Map<?, ?> post = (Map<?, ?>) created.get("result");
		assertThat(post.get("title")).isEqualTo("Made by Brain");
		assertThat(post.get("status")).isEqualTo("publish");
		assertThat((String) post.get("link")).startsWith(site.url());

		Map<String, Object> check = ZeebeProcesses.run(this.client, "real-test",
				Map.of("connectionId", connection.toString()));
		assertThat(check.get("result"))
			.isEqualTo(Map.of("ok", true, "checked", true, "message", "Signed in as editor"));

		Map<String, Object> posts = ZeebeProcesses.run(this.client, "real-sync",
				Map.of("connectionId", connection.toString(), "resource", "posts"));
		Map<String, Object> pages = ZeebeProcesses.run(this.client, "real-sync",
				Map.of("connectionId", connection.toString(), "resource", "pages"));
		assertThat(((Map<?, ?>) posts.get("result")).get("fetched")).isEqualTo(2);
		assertThat(((Map<?, ?>) pages.get("result")).get("fetched")).isEqualTo(1);

		List<String> titles = TenantContext.call("acme",
				() -> this.jdbc
					.sql("select resource || ': ' || title from synced_record where connection_id = :c order by 1")
					.param("c", connection)
					.query(String.class)
					.list());
		assertThat(titles).containsExactly("pages: Sample Page", "posts: Hello world!", "posts: Made by Brain");
	}

	@Test
	void syncWhenSiteZoneIsWestOfUtcThenNextSyncFindsAPostEditedSinceTheLast() {
		UUID connection = ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "wordpress", "zoned-site",
				"{\"siteUrl\": \"" + site.url() + "\", \"username\": \"" + RealWordPress.USER + "\"}",
				Map.of("applicationPassword", site.applicationPassword()));
		ZeebeProcesses.deployFor(new TenantId("acme"), ZeebeProcesses.step("zoned-sync", WordPressConnector.TYPE,
				"sync", Map.of("connectionId", "connectionId", "resource", "\"posts\"")), this.client, this.registry);
		Map<String, Object> first = ZeebeProcesses.run(this.client, "zoned-sync",
				Map.of("connectionId", connection.toString()));
		assertThat(((Map<?, ?>) first.get("result")).get("fetched")).isNotEqualTo(0);

		// Edited after the first sync: the next one asks WordPress only for what changed
		// since.
		site.editPost(1, "Edited after the last sync");
		Map<String, Object> next = ZeebeProcesses.run(this.client, "zoned-sync",
				Map.of("connectionId", connection.toString()));

		assertThat(((Map<?, ?>) next.get("result")).get("updated")).isNotEqualTo(0);
		assertThat(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select data ->> 'excerpt' from synced_record where connection_id = :c and external_id = '1'")
					.param("c", connection)
					.query(String.class)
					.single()))
			.contains("Edited after the last sync");
	}

}
