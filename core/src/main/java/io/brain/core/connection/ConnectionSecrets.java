package io.brain.core.connection;

import java.util.UUID;

import io.brain.core.secret.SecretRef;
import io.brain.core.tenant.TenantId;

/**
 * Where the secret fields of a connection live in the secret store: the api writes them,
 * the workers read them for the job's tenant.
 */
public final class ConnectionSecrets {

	private ConnectionSecrets() {
	}

	public static SecretRef ref(TenantId tenant, UUID connection, String field) {
		return SecretRef.of(tenant, "connections/" + connection + "/" + field);
	}

}
