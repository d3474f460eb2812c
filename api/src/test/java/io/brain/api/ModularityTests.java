package io.brain.api;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the api's features (deployment, run, identity, ...) talking only through each
 * other's public types, without cycles.
 */
class ModularityTests {

	@Test
	void featuresWhenVerifiedThenRespectTheirBoundaries() {
		ApplicationModules.of(BrainApiApplication.class).verify();
	}

}
