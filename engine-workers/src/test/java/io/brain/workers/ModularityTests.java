package io.brain.workers;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the workers' features (connectors, outbound HTTP, tenant resolution) talking only
 * through each other's public types, without cycles.
 */
class ModularityTests {

	@Test
	void featuresWhenVerifiedThenRespectTheirBoundaries() {
		ApplicationModules.of(WorkersApplication.class).verify();
	}

}
