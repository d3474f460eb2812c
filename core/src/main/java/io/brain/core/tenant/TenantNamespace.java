package io.brain.core.tenant;

/**
 * Names of engine-wide things (process ids, message names) made private to one tenant.
 * <p>
 * Zeebe has one namespace for every process id on a broker, so Brain prefixes each id
 * with its tenant when it deploys. The separator cannot occur in a tenant slug, which
 * keeps two tenants' ids apart whatever a user names a process.
 */
public final class TenantNamespace {

	static final String SEPARATOR = "__";

	private TenantNamespace() {
	}

	public static String engineId(TenantId tenant, String id) {
		return tenant.value() + SEPARATOR + id;
	}

	public static boolean belongsTo(TenantId tenant, String engineId) {
		return engineId.startsWith(tenant.value() + SEPARATOR);
	}

}
