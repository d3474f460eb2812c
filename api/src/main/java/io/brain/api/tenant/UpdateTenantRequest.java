package io.brain.api.tenant;

import io.brain.api.tenant.Tenant.TenantStatus;
import jakarta.validation.constraints.NotNull;

/**
 * A change of a tenant's status.
 *
 * @param status ACTIVE or DISABLED
 */
public record UpdateTenantRequest(@NotNull TenantStatus status) {

}
