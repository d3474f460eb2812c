package io.brain.api.tenant;

import java.time.Instant;

/**
 * A customer of the platform: its users, automations and data are walled off from every
 * other tenant's.
 *
 * @param id the tenant's slug, carried in tokens as {@code tenant_id}
 * @param name its display name
 * @param status whether its users may work
 * @param createdBy who created it
 * @param createdAt when
 */
public record Tenant(String id, String name, TenantStatus status, String createdBy, Instant createdAt) {

	/** Whether a tenant's users may work. */
	public enum TenantStatus {

		ACTIVE, DISABLED

	}

}
