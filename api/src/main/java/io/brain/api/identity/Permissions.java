package io.brain.api.identity;

import java.util.List;

/**
 * The permissions Brain knows. Keycloak maps realm roles to them (the realm file is the
 * one place that mapping lives, see docs/permissions.md); tokens carry them in the
 * {@code permissions} claim, and API keys carry a subset of their creator's.
 */
public final class Permissions {

	public static final String TENANTS_MANAGE = "tenants:manage";

	public static final String SYSTEM_READ = "system:read";

	public static final String SECRETS_MANAGE = "secrets:manage";

	public static final String USERS_MANAGE = "users:manage";

	public static final String APIKEYS_MANAGE = "apikeys:manage";

	public static final String AUDIT_READ = "audit:read";

	public static final String CONNECTORS_READ = "connectors:read";

	public static final String CONNECTORS_WRITE = "connectors:write";

	public static final String AUTOMATIONS_READ = "automations:read";

	public static final String AUTOMATIONS_WRITE = "automations:write";

	public static final String AUTOMATIONS_DEPLOY = "automations:deploy";

	public static final String RUNS_READ = "runs:read";

	public static final String RUNS_START = "runs:start";

	public static final String AGENTS_READ = "agents:read";

	public static final String AGENTS_WRITE = "agents:write";

	public static final String WEBHOOKS_MANAGE = "webhooks:manage";

	public static final String PORTAL_READ = "portal:read";

	/** Every permission, for validating what an API key may be given. */
	public static final List<String> ALL = List.of(TENANTS_MANAGE, SYSTEM_READ, SECRETS_MANAGE, USERS_MANAGE,
			APIKEYS_MANAGE, AUDIT_READ, CONNECTORS_READ, CONNECTORS_WRITE, AUTOMATIONS_READ, AUTOMATIONS_WRITE,
			AUTOMATIONS_DEPLOY, RUNS_READ, RUNS_START, AGENTS_READ, AGENTS_WRITE, WEBHOOKS_MANAGE, PORTAL_READ);

	private Permissions() {
	}

}
