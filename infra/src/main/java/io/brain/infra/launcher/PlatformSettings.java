package io.brain.infra.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the launcher needs to start the platform: where things live, which ports
 * they take, and which parts are replaced by external services.
 *
 * @param projectDirectory the Brain checkout (holds the built jars and the realm)
 * @param home where the platform keeps its data and logs ({@code .brain/})
 * @param distributions where the Keycloak distribution is unpacked
 * @param ports the ports of the embedded parts
 * @param external external services replacing embedded ones; null fields mean embedded
 * @param demoPassword the password of the dev-only demo users
 * @param workersEnvironment extra environment of the workers (operator settings)
 */
public record PlatformSettings(Path projectDirectory, Path home, Path distributions, PlatformPorts ports,
		ExternalServices external, String demoPassword, Map<String, String> workersEnvironment) {

	/** Versions of the distributions, written by the build. */
	static final Properties VERSIONS = versions();

	/**
	 * The settings {@code ./brain up} uses: defaults, overridden by environment
	 * variables.
	 * @param projectDirectory the Brain checkout
	 * @param env the environment
	 * @return the settings
	 */
	public static PlatformSettings fromEnvironment(Path projectDirectory, Map<String, String> env) {
		Path home = Path.of(env.getOrDefault("BRAIN_HOME", projectDirectory.resolve(".brain").toString()));
		PlatformPorts ports = new PlatformPorts(port(env, "BRAIN_DB_PORT", 5433),
				port(env, "BRAIN_KEYCLOAK_PORT", 8180), port(env, "BRAIN_KEYCLOAK_MANAGEMENT_PORT", 9180),
				port(env, "BRAIN_API_PORT", 8080), port(env, "BRAIN_API_MANAGEMENT_PORT", 8082),
				port(env, "BRAIN_WORKERS_PORT", 8081));
		ExternalServices external = new ExternalServices(env.get("BRAIN_DB_URL"), env.get("BRAIN_DB_USER"),
				env.get("BRAIN_DB_PASSWORD"), blankAsNull(env.get("ZEEBE_ADDRESS")),
				blankAsNull(env.get("ZEEBE_REST_ADDRESS")), env.get("KEYCLOAK_URL"));
		Map<String, String> workers = new LinkedHashMap<>();
		if (env.containsKey("BRAIN_OUTBOUND_ALLOWED_NETWORKS")) {
			workers.put("BRAIN_OUTBOUND_ALLOWEDNETWORKS", env.get("BRAIN_OUTBOUND_ALLOWED_NETWORKS"));
		}
		String demoPassword = env.getOrDefault("BRAIN_DEMO_PASSWORD", secret(home, "demo-password"));
		return new PlatformSettings(projectDirectory, home, projectDirectory.resolve(".brain").resolve("dist"), ports,
				external, demoPassword, workers);
	}

	public Path keycloakHome() {
		return this.distributions.resolve("keycloak-" + VERSIONS.getProperty("keycloak.version"));
	}

	public Path apiJar() {
		return this.projectDirectory
			.resolve("api/target/brain-api-" + VERSIONS.getProperty("brain.version") + "-exec.jar");
	}

	public Path workersJar() {
		return this.projectDirectory.resolve(
				"engine-workers/target/brain-engine-workers-" + VERSIONS.getProperty("brain.version") + "-exec.jar");
	}

	public Path realmDirectory() {
		return this.projectDirectory.resolve("keycloak-realm/src/main/realm");
	}

	public Path logs() {
		return this.home.resolve("logs");
	}

	public String apiUrl() {
		return "http://localhost:" + this.ports.api();
	}

	public String keycloakUrl() {
		return (this.external.keycloakUrl() != null) ? this.external.keycloakUrl()
				: "http://localhost:" + this.ports.keycloak();
	}

	/**
	 * Whether the platform runs automations on a Camunda 8 cluster the user licenses
	 * ({@code ZEEBE_ADDRESS}) instead of the open engine embedded in the api.
	 */
	public boolean camunda8() {
		return this.external.zeebeAddress() != null;
	}

	private static String blankAsNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A secret generated on first use and kept under the platform's home, readable by its
	 * owner only.
	 * @param home the platform's home
	 * @param name the secret's file name
	 * @return the secret
	 */
	static String secret(Path home, String name) {
		Path file = home.resolve("secrets").resolve(name);
		try {
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[15];
			new SecureRandom().nextBytes(random);
			String value = "Brain-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.writeString(file, value);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the secret " + file, ex);
		}
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new PlatformException(name + " must be a port number, not '" + value + "'");
		}
	}

	private static Properties versions() {
		Properties properties = new Properties();
		try (InputStream in = PlatformSettings.class.getResourceAsStream("/brain-platform.properties")) {
			if (in == null) {
				throw new IllegalStateException("brain-platform.properties is missing: build infra with Maven");
			}
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The ports of the embedded parts, all on 127.0.0.1.
	 */
	public record PlatformPorts(int postgres, int keycloak, int keycloakManagement, int api, int apiManagement,
			int workers) {

		/** Free ports for a platform that runs beside another, as tests do. */
		public static PlatformPorts free() {
			return new PlatformPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
					Ports.free());
		}

	}

	/**
	 * External services that replace embedded parts; a null field keeps the embedded one.
	 *
	 * @param zeebeAddress the gateway ({@code host:port}) of a Camunda 8 cluster that
	 * runs the automations instead of the open engine
	 * @param zeebeRestAddress that cluster's REST address, if it has one
	 */
	public record ExternalServices(String databaseUrl, String databaseUser, String databasePassword,
			String zeebeAddress, String zeebeRestAddress, String keycloakUrl) {

		public static ExternalServices none() {
			return new ExternalServices(null, null, null, null, null, null);
		}

	}

}
