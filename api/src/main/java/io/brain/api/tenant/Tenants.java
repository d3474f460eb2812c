package io.brain.api.tenant;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.tenant.Tenant.TenantStatus;
import io.brain.api.user.TenantUsers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The platform's tenants: platform admins create and disable them. A disabled tenant's
 * users and API keys are refused on every request.
 */
@Service
public class Tenants {

	private final TenantRepository repository;

	private final TenantUsers users;

	private final Cache<String, Boolean> disabled = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(10))
		.build();

	Tenants(TenantRepository repository, TenantUsers users) {
		this.repository = repository;
		this.users = users;
	}

	/** Whether a tenant is disabled; a tenant the platform has no record of is not. */
	public boolean isDisabled(String tenantId) {
		return this.disabled.get(tenantId,
				(id) -> this.repository.find(id)
					.map((tenant) -> tenant.status() == TenantStatus.DISABLED)
					.orElse(false));
	}

	public Tenant create(CurrentUser admin, CreateTenantRequest request) {
		if (!this.repository.insert(request.id(), request.name().trim(), admin.username())) {
			throw new BrainProblem(HttpStatus.CONFLICT, "id", "A tenant '" + request.id() + "' exists already.");
		}
		return this.repository.find(request.id()).orElseThrow();
	}

	public List<Tenant> list() {
		return this.repository.list();
	}

	public Tenant update(String id, UpdateTenantRequest request) {
		if (!this.repository.updateStatus(id, request.status())) {
			throw BrainProblem.notFound("No tenant '" + id + "'.");
		}
		this.disabled.invalidate(id);
		this.users.setTenantEnabled(id, request.status() == TenantStatus.ACTIVE);
		return this.repository.find(id).orElseThrow();
	}

}
