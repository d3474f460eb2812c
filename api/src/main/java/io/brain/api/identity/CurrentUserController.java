package io.brain.api.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CurrentUserController {

	@GetMapping("/api/me")
	@Operation(operationId = "currentUser", summary = "The signed-in user and their tenant",
			security = @SecurityRequirement(name = "bearer"))
	CurrentUser currentUser(CurrentUser user) {
		return user;
	}

}
