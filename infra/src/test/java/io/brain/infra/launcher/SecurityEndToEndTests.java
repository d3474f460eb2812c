package io.brain.infra.launcher;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.brain.infra.launcher.SharedPlatform.read;
import static io.brain.infra.launcher.SharedPlatform.send;
import static io.brain.infra.launcher.SharedPlatform.token;
import static io.brain.infra.launcher.SharedPlatform.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenancy, permissions and user management on the running platform, with real Keycloak
 * tokens: a user of acme cannot see or touch anything of globex.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityEndToEndTests {

	static final String TEMPLATE = "webhook-payload-to-http-request";

	String globexRun;

	String globexKey;

	String globexViewer;

	@BeforeAll
	void globexHasData() {
		SharedPlatform.get();
		String editor = token("globex-editor");
		String admin = token("globex-admin");
		assertThat(send(editor, "POST", "/api/process-templates/" + TEMPLATE + "/deployments", null).statusCode())
			.isEqualTo(201);
		HttpResponse<String> run = send(editor, "POST", "/api/runs", write(Map.of("processId", TEMPLATE, "variables",
				Map.of("payload", Map.of("secret", "globex"), "targetUrl", "http://127.0.0.1:9/nowhere"))));
		assertThat(run.statusCode()).isEqualTo(201);
		this.globexRun = read(run.body()).get("id").asText();
		HttpResponse<String> key = send(admin, "POST", "/api/api-keys",
				write(Map.of("name", "Globex sync", "permissions", List.of("runs:read"))));
		assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
		this.globexKey = read(key.body()).at("/apiKey/id").asText();
		HttpResponse<String> users = send(admin, "GET", "/api/users", null);
		assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
		for (JsonNode user : read(users.body())) {
			if (user.get("username").asText().equals("globex-viewer")) {
				this.globexViewer = user.get("id").asText();
			}
		}
		assertThat(this.globexViewer).isNotNull();
	}

	@Test
	void acmeWhenTryingEveryKindOfGlobexResourceThenFailsAndGlobexIsUnchanged() {
		String acme = token("acme-admin");

		assertThat(send(acme, "GET", "/api/runs/" + this.globexRun, null).statusCode()).isEqualTo(404);
		assertThat(send(acme, "GET", "/api/runs", null).body()).doesNotContain(this.globexRun);
		assertThat(send(acme, "GET", "/api/deployments", null).body()).doesNotContain("globex");
		assertThat(send(acme, "DELETE", "/api/api-keys/" + this.globexKey, null).statusCode()).isEqualTo(404);
		assertThat(send(acme, "GET", "/api/api-keys", null).body()).doesNotContain(this.globexKey);
		assertThat(send(acme, "PUT", "/api/users/" + this.globexViewer + "/roles",
				write(Map.of("roles", List.of("tenant-admin"))))
			.statusCode()).isEqualTo(404);
		assertThat(send(acme, "DELETE", "/api/users/" + this.globexViewer, null).statusCode()).isEqualTo(404);
		assertThat(send(acme, "GET", "/api/users", null).body()).doesNotContain("globex");
		JsonNode audit = read(send(acme, "GET", "/api/audit?actor=globex-admin", null).body());
		assertThat(audit.get("total").asLong()).isZero();
		assertThat(send(acme, "GET", "/api/audit/export", null).body()).doesNotContain("globex");

		String globex = token("globex-admin");
		assertThat(read(send(globex, "GET", "/api/runs/" + this.globexRun, null).body()).get("id").asText())
			.isEqualTo(this.globexRun);
		JsonNode keys = read(send(globex, "GET", "/api/api-keys", null).body());
		assertThat(keys.findValues("id").stream().map(JsonNode::asText)).contains(this.globexKey);
		assertThat(keys.findValues("revokedAt").stream().allMatch(JsonNode::isNull)).isTrue();
		JsonNode users = read(send(globex, "GET", "/api/users", null).body());
		assertThat(users.toString()).contains(this.globexViewer).contains("\"viewer\"");
		assertThat(users.toString()).doesNotContain("tenant-admin\"],\"id\":\"" + this.globexViewer);
	}

	@Test
	void tokensWhenIssuedThenCarryTenantAndThePermissionsOfTheRole() {
		String viewerToken = token("acme-viewer");
		JsonNode viewer = read(send(viewerToken, "GET", "/api/me", null).body());
		assertThat(viewer.get("tenantId").asText()).isEqualTo("acme");
		assertThat(viewer.get("permissions").toString()).contains("runs:read").doesNotContain("runs:start");
		assertThat(send(viewerToken, "POST", "/api/runs", write(Map.of("processId", TEMPLATE))).statusCode())
			.isEqualTo(403);
		// One sign-in per user: the realm's brute-force protection can take two within a
		// second for an attack.
		String platformAdminToken = token("platform-admin");
		JsonNode platformAdmin = read(send(platformAdminToken, "GET", "/api/me", null).body());
		assertThat(platformAdmin.get("tenantId").isNull() || platformAdmin.get("tenantId").isMissingNode()).isTrue();
		assertThat(send(platformAdminToken, "GET", "/api/runs", null).statusCode()).isEqualTo(403);
	}

	@Test
	void tenantAdminWhenInvitingChangingAndRemovingAUserThenKeycloakFollows() {
		String admin = token("acme-admin");
		HttpResponse<String> invited = send(admin, "POST", "/api/users", write(Map.of("username", "nina-newcomer",
				"email", "nina@acme.example", "firstName", "Nina", "lastName", "Newcomer", "role", "viewer")));
		assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
		JsonNode user = read(invited.body());
		String id = user.at("/user/id").asText();
		assertThat(user.get("temporaryPassword").asText()).isNotBlank();
		assertThat(user.at("/user/roles").toString()).isEqualTo("[\"viewer\"]");

		HttpResponse<String> changed = send(admin, "PUT", "/api/users/" + id + "/roles",
				write(Map.of("roles", List.of("editor"))));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(read(changed.body()).get("roles").toString()).isEqualTo("[\"editor\"]");
		assertThat(send(token("globex-admin"), "GET", "/api/users", null).body()).doesNotContain("nina-newcomer");

		assertThat(send(admin, "PUT", "/api/users/" + id + "/roles", write(Map.of("roles", List.of("platform-admin"))))
			.statusCode()).isEqualTo(400);
		assertThat(send(admin, "DELETE", "/api/users/" + id, null).statusCode()).isEqualTo(204);
		assertThat(send(admin, "GET", "/api/users", null).body()).doesNotContain("nina-newcomer");
	}

	@Test
	void inviteWhenEmailOrUsernameBelongsToAnotherTenantThenRefusesWithoutRevealingIt() {
		// Globex's user, with a name and address that do not say globex (acme's audit log
		// holds
		// what acme sent, and another test checks it never mentions globex).
		String globexAdmin = token("globex-admin");
		HttpResponse<String> pat = send(globexAdmin, "POST", "/api/users", write(Map.of("username", "pat-elsewhere",
				"email", "pat@elsewhere.example", "firstName", "Pat", "lastName", "Private", "role", "viewer")));
		assertThat(pat.statusCode()).as(pat.body()).isEqualTo(201);
		String patId = read(pat.body()).at("/user/id").asText();
		String admin = token("acme-admin");
		try {
			HttpResponse<String> email = invite(admin, "pat-at-acme", "pat@elsewhere.example");
			assertThat(email.statusCode()).as(email.body()).isEqualTo(409);
			assertThat(email.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(read(email.body()).get("field").asText()).isEqualTo("email");
			assertThat(read(email.body()).get("detail").asText()).isEqualTo(
					"This e-mail address cannot be used for a new user; use another one (an address signs in to one "
							+ "Brain tenant only).");
			assertThat(email.body()).doesNotContain("pat-elsewhere")
				.doesNotContain(patId)
				.doesNotContain("Pat")
				.doesNotContain("globex")
				.doesNotContain("exists");

			HttpResponse<String> username = invite(admin, "pat-elsewhere", "someone-new@acme.example");
			assertThat(username.statusCode()).as(username.body()).isEqualTo(409);
			assertThat(read(username.body()).get("field").asText()).isEqualTo("username");
			assertThat(read(username.body()).get("detail").asText())
				.isEqualTo("This username is not available; choose another one (usernames are unique across Brain).");
			assertThat(username.body()).doesNotContain("pat@elsewhere.example")
				.doesNotContain(patId)
				.doesNotContain("globex");

			assertThat(send(admin, "GET", "/api/users", null).body()).doesNotContain("pat-at-acme")
				.doesNotContain("pat@elsewhere.example")
				.doesNotContain("someone-new");
			assertThat(send(globexAdmin, "GET", "/api/users", null).body()).contains("pat@elsewhere.example")
				.doesNotContain("pat-at-acme");
		}
		finally {
			assertThat(send(globexAdmin, "DELETE", "/api/users/" + patId, null).statusCode()).isEqualTo(204);
		}
	}

	@Test
	void inviteWhenEmailOrUsernameBelongsToOwnTenantThenNamesTheUserWhoHasIt() {
		String admin = token("acme-admin");

		HttpResponse<String> email = invite(admin, "erin-again", "erin@acme.example");
		assertThat(email.statusCode()).as(email.body()).isEqualTo(409);
		assertThat(read(email.body()).get("field").asText()).isEqualTo("email");
		assertThat(read(email.body()).get("detail").asText())
			.isEqualTo("A user of your tenant has this e-mail address already: acme-editor.");

		HttpResponse<String> username = invite(admin, "acme-viewer", "victor-again@acme.example");
		assertThat(username.statusCode()).as(username.body()).isEqualTo(409);
		assertThat(read(username.body()).get("field").asText()).isEqualTo("username");
		assertThat(read(username.body()).get("detail").asText())
			.isEqualTo("A user of your tenant has this username already.");
	}

	private static HttpResponse<String> invite(String token, String username, String email) {
		return send(token, "POST", "/api/users", write(Map.of("username", username, "email", email, "firstName", "New",
				"lastName", "Person", "role", "viewer")));
	}

	@Test
	void databaseWhenQueriedWithoutTenantAsTheApplicationRoleThenEveryTenantTableIsEmpty() throws Exception {
		try (Connection connection = DriverManager.getConnection(SharedPlatform.get().databaseUrl(), "brain_app", "");
				Statement statement = connection.createStatement()) {
			for (String table : List.of("process_deployment", "run", "api_key", "audit_log", "secret")) {
				try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
					rows.next();
					assertThat(rows.getLong(1)).as(table).isZero();
				}
			}
		}
	}

}
