package io.brain.api.ui;

import io.brain.api.keycloak.KeycloakProperties;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UiController {

	private final KeycloakProperties keycloak;

	UiController(KeycloakProperties keycloak) {
		this.keycloak = keycloak;
	}

	@GetMapping("/api/ui-config")
	@Operation(operationId = "uiConfig", summary = "Sign-in settings for the web app (public)")
	UiConfig uiConfig() {
		return new UiConfig(this.keycloak.publicUrl(), this.keycloak.realm(), this.keycloak.uiClientId());
	}

}
