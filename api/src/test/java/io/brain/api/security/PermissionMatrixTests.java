package io.brain.api.security;

import java.util.List;
import java.util.stream.Stream;

import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Each role against each endpoint: allowed exactly when the role's permissions (from the
 * realm file) include the endpoint's permission. Allowed means the request got past
 * authorisation (it may still fail for other reasons, such as an unknown id).
 */
class PermissionMatrixTests extends ApiTestContext {

	static final List<String> ROLES = List.of("platform-admin", "tenant-admin", "editor", "operator", "viewer",
			"portal-client");

	private static final String AGENT = "{\"config\":{\"name\":\"matrix\",\"role\":\"r\",\"model\":"
			+ "{\"connectionId\":\"00000000-0000-0000-0000-000000000000\"}}}";

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint(HttpMethod.GET, "/api/process-templates", null, "automations:read"),
			new Endpoint(HttpMethod.POST, "/api/process-templates/webhook-payload-to-http-request/deployments", null,
					"automations:deploy"),
			new Endpoint(HttpMethod.POST, "/api/deployments", "{\"resourceName\":\"x.bpmn\",\"bpmnXml\":\"<x/>\"}",
					"automations:deploy"),
			new Endpoint(HttpMethod.GET, "/api/deployments", null, "automations:read"),
			new Endpoint(HttpMethod.POST, "/api/runs", "{\"processId\":\"nothing-deployed\"}", "runs:start"),
			new Endpoint(HttpMethod.GET, "/api/runs", null, "runs:read"),
			new Endpoint(HttpMethod.GET, "/api/runs/2251799813685249", null, "runs:read"),
			new Endpoint(HttpMethod.POST, "/api/runs/2251799813685249/retry", "{\"retries\":2}", "runs:start"),
			new Endpoint(HttpMethod.POST, "/api/runs/2251799813685249/cancel", null, "runs:start"),
			new Endpoint(HttpMethod.POST, "/api/api-keys", "{\"name\":\"k\",\"permissions\":[\"runs:read\"]}",
					"apikeys:manage"),
			new Endpoint(HttpMethod.GET, "/api/api-keys", null, "apikeys:manage"),
			new Endpoint(HttpMethod.DELETE, "/api/api-keys/00000000-0000-0000-0000-000000000000", null,
					"apikeys:manage"),
			new Endpoint(HttpMethod.GET, "/api/audit", null, "audit:read"),
			new Endpoint(HttpMethod.GET, "/api/audit/export", null, "audit:read"),
			new Endpoint(HttpMethod.GET, "/api/audit/verification", null, "audit:read"),
			new Endpoint(HttpMethod.GET, "/api/users", null, "users:manage"),
			new Endpoint(HttpMethod.POST, "/api/users",
					"{\"username\":\"new-user\",\"email\":\"n@example.com\",\"firstName\":\"N\",\"lastName\":\"U\",\"role\":\"viewer\"}",
					"users:manage"),
			new Endpoint(HttpMethod.PUT, "/api/users/some-id/roles", "{\"roles\":[\"viewer\"]}", "users:manage"),
			new Endpoint(HttpMethod.DELETE, "/api/users/some-id", null, "users:manage"),
			new Endpoint(HttpMethod.GET, "/api/tenants", null, "tenants:manage"),
			new Endpoint(HttpMethod.POST, "/api/tenants", "{\"id\":\"matrix-tenant\",\"name\":\"Matrix\"}",
					"tenants:manage"),
			new Endpoint(HttpMethod.PATCH, "/api/tenants/no-such-tenant", "{\"status\":\"DISABLED\"}",
					"tenants:manage"),
			new Endpoint(HttpMethod.GET, "/api/connector-types", null, "connectors:read"),
			new Endpoint(HttpMethod.GET, "/api/connector-types/wordpress", null, "connectors:read"),
			new Endpoint(HttpMethod.GET, "/api/connectors", null, "connectors:read"),
			new Endpoint(HttpMethod.POST, "/api/connectors", "{\"type\":\"http\",\"name\":\"matrix\",\"config\":{}}",
					"connectors:write"),
			new Endpoint(HttpMethod.GET, "/api/connectors/00000000-0000-0000-0000-000000000000", null,
					"connectors:read"),
			new Endpoint(HttpMethod.PUT, "/api/connectors/00000000-0000-0000-0000-000000000000",
					"{\"type\":\"http\",\"name\":\"matrix\",\"config\":{}}", "connectors:write"),
			new Endpoint(HttpMethod.DELETE, "/api/connectors/00000000-0000-0000-0000-000000000000", null,
					"connectors:write"),
			new Endpoint(HttpMethod.POST, "/api/connectors/00000000-0000-0000-0000-000000000000/test", null,
					"connectors:write"),
			new Endpoint(HttpMethod.POST, "/api/connectors/00000000-0000-0000-0000-000000000000/sync/posts", null,
					"connectors:write"),
			new Endpoint(HttpMethod.GET, "/api/connectors/00000000-0000-0000-0000-000000000000/records/posts", null,
					"connectors:read"),
			new Endpoint(HttpMethod.GET, "/api/portal/cms", null, "portal:read"),
			new Endpoint(HttpMethod.GET, "/api/portal/crm", null, "portal:read"),
			new Endpoint(HttpMethod.GET, "/api/automations", null, "automations:read"),
			new Endpoint(HttpMethod.POST, "/api/automations", "{\"name\":\"matrix\",\"bpmnXml\":\"x\"}",
					"automations:write"),
			new Endpoint(HttpMethod.GET, "/api/automations/matrix", null, "automations:read"),
			new Endpoint(HttpMethod.PUT, "/api/automations/matrix", "{\"name\":\"matrix\",\"bpmnXml\":\"x\"}",
					"automations:write"),
			new Endpoint(HttpMethod.DELETE, "/api/automations/matrix", null, "automations:write"),
			new Endpoint(HttpMethod.GET, "/api/automations/matrix/versions", null, "automations:read"),
			new Endpoint(HttpMethod.GET, "/api/automations/matrix/versions/1", null, "automations:read"),
			new Endpoint(HttpMethod.POST, "/api/automations/matrix/versions/1/deployment", null, "automations:deploy"),
			new Endpoint(HttpMethod.POST, "/api/v1/automations/matrix/runs", "{}", "runs:start"),
			new Endpoint(HttpMethod.POST, "/api/v1/messages", "{\"name\":\"matrix\",\"correlationKey\":\"k\"}",
					"runs:start"),
			new Endpoint(HttpMethod.GET, "/api/schedules", null, "automations:read"),
			new Endpoint(HttpMethod.GET, "/api/schedule-preview?cron=0%209%20*%20*%20MON&timeZone=Europe/Berlin", null,
					"automations:read"),
			new Endpoint(HttpMethod.GET, "/api/automations/matrix/schedules", null, "automations:read"),
			new Endpoint(HttpMethod.POST, "/api/automations/matrix/schedules",
					"{\"name\":\"m\",\"cron\":\"0 9 * * *\",\"timeZone\":\"UTC\"}", "automations:write"),
			new Endpoint(HttpMethod.GET, "/api/automations/matrix/schedules/00000000-0000-0000-0000-000000000000", null,
					"automations:read"),
			new Endpoint(HttpMethod.PUT, "/api/automations/matrix/schedules/00000000-0000-0000-0000-000000000000",
					"{\"name\":\"m\",\"cron\":\"0 9 * * *\",\"timeZone\":\"UTC\"}", "automations:write"),
			new Endpoint(HttpMethod.DELETE, "/api/automations/matrix/schedules/00000000-0000-0000-0000-000000000000",
					null, "automations:write"),
			new Endpoint(HttpMethod.GET, "/api/element-templates", null, "automations:read"),
			new Endpoint(HttpMethod.POST, "/api/automation-rules/preview",
					"{\"rule\":{\"when\":{\"type\":\"MANUAL\"},\"then\":[{\"templateId\":\"io.brain.http\"}]}}",
					"automations:read"),
			new Endpoint(HttpMethod.POST, "/api/automation-rules",
					"{\"name\":\"matrix\",\"rule\":{\"when\":{\"type\":\"MANUAL\"},\"then\":[{\"templateId\":\"x\"}]}}",
					"automations:write"),
			new Endpoint(HttpMethod.PUT, "/api/automations/matrix/rule",
					"{\"name\":\"matrix\",\"rule\":{\"when\":{\"type\":\"MANUAL\"},\"then\":[{\"templateId\":\"x\"}]}}",
					"automations:write"),
			new Endpoint(HttpMethod.GET, "/api/automations/matrix/versions/1/rule", null, "automations:read"),
			new Endpoint(HttpMethod.GET, "/api/portal/commerce/orders", null, "portal:read"),
			new Endpoint(HttpMethod.GET, "/api/platform/secrets", null, "secrets:manage"),
			new Endpoint(HttpMethod.PUT, "/api/platform/secrets/matrix-secret", "{\"value\":\"x\"}", "secrets:manage"),
			new Endpoint(HttpMethod.DELETE, "/api/platform/secrets/matrix-secret", null, "secrets:manage"),
			new Endpoint(HttpMethod.GET, "/api/webhooks", null, "webhooks:manage"),
			new Endpoint(HttpMethod.POST, "/api/webhooks",
					"{\"name\":\"matrix\",\"provider\":\"GITHUB\",\"automationKey\":\"matrix\"}", "webhooks:manage"),
			new Endpoint(HttpMethod.GET, "/api/webhooks/00000000-0000-0000-0000-000000000000", null, "webhooks:manage"),
			new Endpoint(HttpMethod.PUT, "/api/webhooks/00000000-0000-0000-0000-000000000000",
					"{\"name\":\"matrix\",\"provider\":\"GITHUB\",\"automationKey\":\"matrix\"}", "webhooks:manage"),
			new Endpoint(HttpMethod.DELETE, "/api/webhooks/00000000-0000-0000-0000-000000000000", null,
					"webhooks:manage"),
			new Endpoint(HttpMethod.POST, "/api/webhooks/00000000-0000-0000-0000-000000000000/secret", null,
					"webhooks:manage"),
			new Endpoint(HttpMethod.GET, "/api/webhooks/00000000-0000-0000-0000-000000000000/deliveries", null,
					"webhooks:manage"),
			new Endpoint(HttpMethod.POST,
					"/api/webhooks/00000000-0000-0000-0000-000000000000/deliveries/00000000-0000-0000-0000-000000000000/replay",
					null, "webhooks:manage"),
			new Endpoint(HttpMethod.GET, "/api/agents", null, "agents:read"),
			new Endpoint(HttpMethod.GET, "/api/agents/usage", null, "agents:read"),
			new Endpoint(HttpMethod.POST, "/api/agents", AGENT, "agents:write"),
			new Endpoint(HttpMethod.GET, "/api/agents/00000000-0000-0000-0000-000000000000", null, "agents:read"),
			new Endpoint(HttpMethod.PUT, "/api/agents/00000000-0000-0000-0000-000000000000", AGENT, "agents:write"),
			new Endpoint(HttpMethod.DELETE, "/api/agents/00000000-0000-0000-0000-000000000000", null, "agents:write"),
			new Endpoint(HttpMethod.GET, "/api/agents/00000000-0000-0000-0000-000000000000/versions", null,
					"agents:read"),
			new Endpoint(HttpMethod.GET, "/api/agents/00000000-0000-0000-0000-000000000000/versions/1", null,
					"agents:read"),
			new Endpoint(HttpMethod.GET, "/api/agents/00000000-0000-0000-0000-000000000000/sessions", null,
					"agents:read"),
			new Endpoint(HttpMethod.GET,
					"/api/agents/00000000-0000-0000-0000-000000000000/sessions/00000000-0000-0000-0000-000000000000/events",
					null, "agents:read"),
			new Endpoint(HttpMethod.POST, "/api/agents/00000000-0000-0000-0000-000000000000/runs",
					"{\"prompt\":\"Hi\"}", "agents:write"),
			new Endpoint(HttpMethod.POST, "/api/agents/00000000-0000-0000-0000-000000000000/approvals",
					"{\"toolCallId\":\"call_1\",\"decision\":\"DENIED\"}", "agents:write"),
			new Endpoint(HttpMethod.GET, "/api/agents/00000000-0000-0000-0000-000000000000/approvals", null,
					"agents:read"),
			new Endpoint(HttpMethod.POST, "/api/agents/00000000-0000-0000-0000-000000000000/dry-run",
					"{\"tool\":\"wordpress_create_post\",\"input\":{}}", "agents:write"),
			new Endpoint(HttpMethod.GET, "/api/system/health", null, "system:read"),
			new Endpoint(HttpMethod.GET, "/api/me", null, null));

	static Stream<Arguments> matrix() {
		return ENDPOINTS.stream().flatMap((endpoint) -> ROLES.stream().map((role) -> Arguments.of(role, endpoint)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("matrix")
	void requestWhenRoleLacksPermissionThenForbiddenElseAllowed(String role, Endpoint endpoint) throws Exception {
		boolean allowed = endpoint.permission() == null
				|| TestTokens.PERMISSIONS_OF_ROLE.get(role).contains(endpoint.permission());
		String tenant = role.equals("platform-admin") ? null : "matrix";
		var request = request(endpoint.method(), endpoint.path()).with(TestTokens.user(tenant, role));
		if (endpoint.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		int status = result.getResponse().getStatus();
		if (allowed) {
			assertThat(status)
				.as("%s %s as %s: %s", endpoint.method(), endpoint.path(), role,
						result.getResponse().getContentAsString())
				.isNotIn(401, 403);
		}
		else {
			assertThat(status).as("%s %s as %s", endpoint.method(), endpoint.path(), role).isEqualTo(403);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void requestWhenNoCredentialsThenUnauthorized(Endpoint endpoint) throws Exception {
		var request = request(endpoint.method(), endpoint.path());
		if (endpoint.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
		}
		assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	static Stream<Endpoint> endpoints() {
		return ENDPOINTS.stream();
	}

	record Endpoint(HttpMethod method, String path, String body, String permission) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
