package io.brain.api.user;

import java.util.List;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('users:manage')")
class UserController {

	private final TenantUsers users;

	UserController(TenantUsers users) {
		this.users = users;
	}

	@GetMapping("/api/users")
	@Operation(operationId = "listUsers", summary = "The users of your tenant")
	List<TenantUser> list(CurrentUser admin) {
		return this.users.list(admin);
	}

	@PostMapping("/api/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "inviteUser", summary = "Invite a user into your tenant with one role")
	UserInvited invite(@Valid @RequestBody InviteUserRequest request, CurrentUser admin) {
		return this.users.invite(admin, request);
	}

	@PutMapping("/api/users/{id}/roles")
	@Operation(operationId = "updateUserRoles", summary = "Set a user's tenant roles")
	TenantUser updateRoles(@PathVariable String id, @Valid @RequestBody UpdateRolesRequest request, CurrentUser admin) {
		return this.users.updateRoles(admin, id, request);
	}

	@DeleteMapping("/api/users/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removeUser", summary = "Remove a user from your tenant")
	void remove(@PathVariable String id, CurrentUser admin) {
		this.users.remove(admin, id);
	}

}
