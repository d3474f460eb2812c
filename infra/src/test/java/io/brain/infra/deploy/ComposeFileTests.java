package io.brain.infra.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The production compose files (infra/deploy): valid under the Compose specification,
 * Keycloak in production mode on its own database, two api nodes and two workers, the
 * engine choice, and every secret from the environment.
 */
class ComposeFileTests {

	private static final Path COMPOSE = DeployFiles.DEPLOY.resolve("compose.yaml");

	private static final Path CAMUNDA8 = DeployFiles.DEPLOY.resolve("compose.camunda8.yaml");

	private static final Path ENV_EXAMPLE = DeployFiles.DEPLOY.resolve(".env.example");

	private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):?\\?");

	/**
	 * The example environment, with a stand-in for every value an operator must fill in.
	 */
	private static Map<String, String> filledEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		DeployFiles.envFile(ENV_EXAMPLE)
			.forEach((name, value) -> environment.put(name, value.isEmpty() ? "stand-in-" + name : value));
		return environment;
	}

	@Test
	void composeFileWhenInterpolatedFromTheExampleEnvironmentThenMatchesTheComposeSpecification() {
		JsonNode compose = ComposeFile.load(COMPOSE, filledEnvironment());

		assertThat(ComposeFile.problems(compose)).isEmpty();
		assertThat(compose.get("services").propertyNames()).containsExactlyInAnyOrder("postgres", "keycloak", "api",
				"workers", "proxy", "prometheus", "loki", "alloy", "grafana");
	}

	@Test
	void camunda8OverrideWhenInterpolatedThenMatchesTheComposeSpecification() {
		JsonNode override = ComposeFile.load(CAMUNDA8, filledEnvironment());

		assertThat(ComposeFile.problems(override)).isEmpty();
	}

	@Test
	void validatorWhenAServiceHasAKeyTheSpecificationLacksThenNamesIt() {
		JsonNode compose = ComposeFile.load(COMPOSE, filledEnvironment());
		((ObjectNode) compose.get("services").get("api")).put("replica", 2);

		assertThat(ComposeFile.problems(compose)).isNotEmpty()
			.anySatisfy((problem) -> assertThat(problem.toString()).contains("replica"));
	}

	@Test
	void composeFileWhenARequiredSecretIsMissingThenRefusesToInterpolate() {
		Map<String, String> environment = filledEnvironment();
		environment.remove("BRAIN_DB_PASSWORD");

		assertThatIllegalArgumentException().isThrownBy(() -> ComposeFile.load(COMPOSE, environment))
			.withMessageContaining("BRAIN_DB_PASSWORD");
	}

	@Test
	void keycloakRunsInProductionModeOnItsOwnDatabaseBehindTheProxy() {
		JsonNode keycloak = ComposeFile.load(COMPOSE, filledEnvironment()).get("services").get("keycloak");
		JsonNode environment = keycloak.get("environment");

		assertThat(keycloak.get("command").get(0).asString()).isEqualTo("start");
		assertThat(keycloak.get("command").toString()).doesNotContain("start-dev");
		assertThat(environment.get("KC_DB").asString()).isEqualTo("postgres");
		assertThat(environment.get("KC_DB_URL").asString()).isEqualTo("jdbc:postgresql://postgres:5432/keycloak");
		assertThat(environment.get("KC_DB_USERNAME").asString()).isEqualTo("keycloak");
		assertThat(environment.get("KC_HOSTNAME").asString()).isEqualTo("https://sso.example.com");
		assertThat(keycloak.get("volumes").get(0).asString())
			.startsWith("../../keycloak-realm/src/main/realm/brain-realm.json:")
			.doesNotContain("users");
		assertThat(keycloak.has("ports")).isFalse();
	}

	@Test
	void composeFileRunsTwoApiNodesAndTwoWorkersOnOneDatabaseWithTheOpenEngine() {
		JsonNode services = ComposeFile.load(COMPOSE, filledEnvironment()).get("services");

		for (String service : List.of("api", "workers")) {
			assertThat(services.get(service).get("deploy").get("replicas").asInt()).as(service).isEqualTo(2);
			assertThat(services.get(service).get("environment").get("BRAIN_DB_URL").asString()).as(service)
				.isEqualTo("jdbc:postgresql://postgres:5432/brain");
			assertThat(services.get(service).get("environment").get("BRAIN_ENGINE_TYPE").asString()).as(service)
				.isEqualTo("operaton");
		}
	}

	@Test
	void onlyTheProxyPublishesPortsAndItServesTls() {
		JsonNode services = ComposeFile.load(COMPOSE, filledEnvironment()).get("services");

		Set<String> publishing = new TreeSet<>();
		services.properties().forEach((service) -> {
			if (service.getValue().has("ports")) {
				publishing.add(service.getKey());
			}
		});
		assertThat(publishing).containsExactly("proxy");
		assertThat(services.get("proxy").get("ports").toString()).contains("443:443");
		assertThat(DeployFiles.read(DeployFiles.DEPLOY.resolve("caddy/Caddyfile"))).contains("tls {$BRAIN_TLS}")
			.contains("name api");
	}

	@Test
	void camunda8OverrideGivesTheClusterToTheApiAndTheWorkers() {
		JsonNode services = ComposeFile.load(CAMUNDA8, filledEnvironment()).get("services");

		for (String service : List.of("api", "workers")) {
			JsonNode environment = services.get(service).get("environment");
			assertThat(environment.get("BRAIN_ENGINE_TYPE").asString()).as(service).isEqualTo("zeebe");
			assertThat(environment.get("ZEEBE_ADDRESS").asString()).as(service).isEqualTo("stand-in-ZEEBE_ADDRESS");
		}
	}

	@Test
	void everySecretComesFromTheEnvironmentNeverFromTheFile() {
		for (Path file : List.of(COMPOSE, CAMUNDA8)) {
			ComposeFile.raw(file).get("services").properties().forEach((service) -> {
				JsonNode environment = service.getValue().path("environment");
				environment.properties().forEach((variable) -> {
					if (DeployFiles.SECRET_NAME.matcher(variable.getKey()).matches()) {
						assertThat(variable.getValue().asString())
							.as("%s of %s in %s", variable.getKey(), service.getKey(), file.getFileName())
							.matches("\\$\\{[A-Z0-9_]+(:?[-?][^}]*)?}");
					}
				});
			});
		}
	}

	@Test
	void exampleEnvironmentNamesEveryRequiredVariableAndHoldsNoSecretValue() {
		Map<String, String> example = DeployFiles.envFile(ENV_EXAMPLE);
		Set<String> required = new TreeSet<>();
		for (Path file : List.of(COMPOSE, CAMUNDA8)) {
			Matcher matcher = REQUIRED.matcher(DeployFiles.read(file));
			while (matcher.find()) {
				required.add(matcher.group(1));
			}
		}

		assertThat(example.keySet()).containsAll(required);
		example.forEach((name, value) -> {
			if (DeployFiles.SECRET_NAME.matcher(name).matches()) {
				assertThat(value).as(name).isEmpty();
			}
		});
	}

	@Test
	void postgresGetsEveryVariableItsInitScriptReads() {
		JsonNode postgres = ComposeFile.raw(COMPOSE).get("services").get("postgres");
		Matcher reads = Pattern.compile("\\$([A-Z][A-Z0-9_]*)")
			.matcher(DeployFiles.read(DeployFiles.DEPLOY.resolve("postgres/init-databases.sh")));
		Set<String> variables = new TreeSet<>();
		while (reads.find()) {
			variables.add(reads.group(1));
		}

		assertThat(variables).containsExactlyInAnyOrder("POSTGRES_USER", "BRAIN_DB_MIGRATION_PASSWORD",
				"BRAIN_DB_PASSWORD", "KEYCLOAK_DB_PASSWORD");
		assertThat(postgres.get("environment").propertyNames()).containsAll(variables);
		assertThat(postgres.get("volumes").toString())
			.contains("./postgres/init-databases.sh:/docker-entrypoint-initdb.d/");
	}

	@Test
	void everyVariableGivenToTheApiAndTheWorkersIsOneTheyRead() {
		Set<String> read = DeployFiles.variablesTheApplicationsRead();
		for (Path file : List.of(COMPOSE, CAMUNDA8)) {
			JsonNode services = ComposeFile.raw(file).get("services");
			for (String service : List.of("api", "workers")) {
				assertThat(services.get(service).get("environment").propertyNames())
					.as("%s in %s", service, file.getFileName())
					.allSatisfy((name) -> assertThat(read).contains(name));
			}
		}
	}

}
