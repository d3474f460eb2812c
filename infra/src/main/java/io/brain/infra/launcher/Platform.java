package io.brain.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.brain.core.database.EmbeddedDatabase;

import org.springframework.core.NestedExceptionUtils;

/**
 * The local platform: embedded PostgreSQL, Keycloak, the api (with the open engine
 * embedded, or a Camunda 8 cluster at {@code ZEEBE_ADDRESS}) and the workers, started in
 * that order, each waited for until healthy. Closing it stops exactly what it started, in
 * reverse order.
 */
public final class Platform implements AutoCloseable {

	private static final String DATABASE = "brain";

	private final PlatformSettings settings;

	private final Consumer<String> progress;

	private final long startedAt = System.nanoTime();

	/** The niceness of the workers: see {@link #inBackground(List)}. */
	static final int BACKGROUND_NICENESS = 10;

	private static final Path NICE = Path.of("/usr/bin/nice");

	private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());

	private EmbeddedDatabase database;

	private String databaseUrl;

	private Platform(PlatformSettings settings, Consumer<String> progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * Starts every part and waits until each is healthy.
	 * @param settings what to start where
	 * @param progress receives one line per component
	 * @return the running platform
	 * @throws PlatformException when a part cannot start; what did start is stopped again
	 */
	public static Platform start(PlatformSettings settings, Consumer<String> progress) {
		Platform platform = new Platform(settings, progress);
		try {
			platform.checkPrerequisites();
			platform.startDatabase();
			platform.startKeycloak();
			platform.reportEngine();
			platform.startApi();
			platform.startWorkers();
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	public PlatformSettings settings() {
		return this.settings;
	}

	public String databaseUrl() {
		return this.databaseUrl;
	}

	/**
	 * The pids of the processes it started, the launcher's own first. The others are its
	 * children, except PostgreSQL's server, which detaches (its pid is the first line of
	 * the cluster's {@code postmaster.pid}).
	 */
	public Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("launcher", ProcessHandle.current().pid());
		if (this.database != null) {
			try {
				pids.put("postgres",
						Long.parseLong(
								Files.readAllLines(this.settings.home().resolve("postgres").resolve("postmaster.pid"))
									.get(0)
									.strip()));
			}
			catch (IOException | RuntimeException ex) {
				// Not known: the list goes without it.
			}
		}
		synchronized (this.processes) {
			this.processes.forEach((process) -> pids.put(process.name(), process.pid()));
		}
		return pids;
	}

	public double elapsedSeconds() {
		return (System.nanoTime() - this.startedAt) / 1e9;
	}

	private void checkPrerequisites() {
		require(this.settings.apiJar(), "the api is not built");
		require(this.settings.workersJar(), "the engine workers are not built");
		if (this.settings.external().keycloakUrl() == null) {
			require(this.settings.keycloakHome().resolve("bin/kc.sh"), "the Keycloak distribution is not unpacked");
		}
		PlatformSettings.PlatformPorts ports = this.settings.ports();
		if (this.settings.external().databaseUrl() == null) {
			Ports.requireFree("PostgreSQL", ports.postgres());
		}
		if (this.settings.external().keycloakUrl() == null) {
			Ports.requireFree("Keycloak", ports.keycloak());
			Ports.requireFree("Keycloak management", ports.keycloakManagement());
		}
		Ports.requireFree("the api", ports.api());
		Ports.requireFree("the api's management (metrics, health)", ports.apiManagement());
		Ports.requireFree("the engine workers", ports.workers());
	}

	private static void require(Path path, String what) {
		if (!Files.exists(path)) {
			throw new PlatformException(what + " (" + path + " is missing): run ./mvnw -DskipTests package");
		}
	}

	private void startDatabase() {
		if (this.settings.external().databaseUrl() != null) {
			this.databaseUrl = this.settings.external().databaseUrl();
			report("postgres", "external " + this.databaseUrl);
			return;
		}
		try {
			this.database = EmbeddedDatabase.start(this.settings.home().resolve("postgres"),
					this.settings.ports().postgres());
		}
		catch (RuntimeException ex) {
			throw new PlatformException(
					"PostgreSQL did not start: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
							+ " (if an earlier run was killed, its server may still hold "
							+ this.settings.home().resolve("postgres") + ")");
		}
		this.databaseUrl = this.database.ensureDatabase(DATABASE);
		this.database.ensureDatabase("keycloak");
		report("postgres", "ready on 127.0.0.1:" + this.settings.ports().postgres());
	}

	private void startKeycloak() {
		if (this.settings.external().keycloakUrl() != null) {
			report("keycloak", "external " + this.settings.external().keycloakUrl());
			return;
		}
		Path home = this.settings.keycloakHome();
		copyRealm(home.resolve("data/import"));
		PlatformSettings.PlatformPorts ports = this.settings.ports();
		Map<String, String> env = javaEnvironment();
		if (this.database != null) {
			env.put("KC_DB", "postgres");
			env.put("KC_DB_URL", this.database.jdbcUrl("keycloak"));
			env.put("KC_DB_USERNAME", EmbeddedDatabase.USER);
		}
		else {
			env.put("KC_DB", "dev-file");
			env.put("KC_DB_URL", "jdbc:h2:file:" + this.settings.home().resolve("keycloak/keycloakdb")
					+ ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE");
		}
		env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		env.put("KC_BOOTSTRAP_ADMIN_PASSWORD",
				PlatformSettings.secret(this.settings.home(), "keycloak-admin-password"));
		env.put("BRAIN_UI_URL", this.settings.apiUrl());
		env.put("BRAIN_DEMO_PASSWORD", this.settings.demoPassword());
		env.put("BRAIN_WORKERS_CLIENT_SECRET", PlatformSettings.secret(this.settings.home(), "workers-client-secret"));
		env.put("BRAIN_ADMIN_CLIENT_SECRET", PlatformSettings.secret(this.settings.home(), "admin-client-secret"));
		List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
				"--http-host=127.0.0.1", "--http-port=" + ports.keycloak(),
				"--http-management-port=" + ports.keycloakManagement(), "--health-enabled=true",
				"--hostname=" + this.settings.keycloakUrl(), "--hostname-backchannel-dynamic=true");
		ManagedProcess keycloak = launch("keycloak", command, env, home);
		keycloak.awaitHealthy(URI.create("http://127.0.0.1:" + ports.keycloakManagement() + "/health/ready"),
				Duration.ofMinutes(4));
		report("keycloak", "ready on " + this.settings.keycloakUrl() + " (realm brain)");
	}

	private void copyRealm(Path target) {
		try {
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(this.settings.realmDirectory())) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
					Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy the realm to " + target, ex);
		}
	}

	/**
	 * Says which engine runs the automations: the open engine, embedded in the api on
	 * Brain's database, unless a Camunda 8 cluster is given by {@code ZEEBE_ADDRESS} (its
	 * brokers then load Brain's exporter for the Runs page, docs/runs.md).
	 */
	private void reportEngine() {
		report("engine",
				this.settings.camunda8()
						? "Camunda 8 cluster at " + this.settings.external().zeebeAddress() + " (ZEEBE_ADDRESS)"
						: "open engine (Operaton), embedded in the api on Brain's database");
	}

	/**
	 * Stops the workers this platform started: runs wait at their connector steps, and
	 * webhooks are still taken, until {@link #startWorkers()} starts them again.
	 */
	public void stopWorkers() {
		stop(managed("workers"));
		report("workers", "stopped");
	}

	/**
	 * Kills the api (and the open engine it hosts) or the workers at once, as a crash
	 * would ({@code kill -9}); {@link #startApi()} or {@link #startWorkers()} starts them
	 * again.
	 * @param component {@code api} or {@code workers}
	 */
	public void kill(String component) {
		ManagedProcess process = managed(component);
		process.kill();
		this.processes.remove(process);
		report(component, "killed");
	}

	private ManagedProcess managed(String name) {
		synchronized (this.processes) {
			return this.processes.stream()
				.filter((process) -> process.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new PlatformException("this platform did not start " + name));
		}
	}

	/**
	 * Starts the api and waits until it is ready.
	 * @throws PlatformException when it runs already
	 */
	public void startApi() {
		PlatformSettings.PlatformPorts ports = this.settings.ports();
		launchApi("api", ports.api(), ports.apiManagement(), Map.of());
		report("api",
				"ready on " + this.settings.apiUrl() + " (management on 127.0.0.1:" + ports.apiManagement() + ")");
	}

	/**
	 * Starts the workers and waits until they are ready.
	 * @throws PlatformException when they run already
	 */
	public void startWorkers() {
		launchWorkers("workers", this.settings.ports().workers(), Map.of());
		report("workers", "ready (management on 127.0.0.1:" + this.settings.ports().workers() + ")");
	}

	/**
	 * Starts one more api node beside the platform's own, on free ports of its own, and
	 * waits until it is ready: another node of the open engine on the same database, as a
	 * second replica behind a load balancer would be. Its job executor takes its own lock
	 * owner, so nothing else has to differ (docs/operations.md, Scaling out).
	 * @param name the node's name, unique among what this platform started; its log is
	 * {@code logs/<name>.log}
	 * @param environment settings that differ from the platform's own, such as
	 * {@code BRAIN_DB_URL} or {@code BRAIN_MASTER_KEY}
	 * @return the running node; closing it stops it
	 */
	public Node startApiNode(String name, Map<String, String> environment) {
		int port = Ports.free();
		int management = Ports.free();
		ManagedProcess api = launchApi(name, port, management, environment);
		report(name, "ready on http://127.0.0.1:" + port + " (management on 127.0.0.1:" + management + ")");
		return new Node(api, "http://127.0.0.1:" + port);
	}

	/**
	 * Starts one more workers process beside the platform's own and waits until it is
	 * ready. It fetches tasks under its own worker id ({@code workers-<pid>@<host>}).
	 * @param name the process's name, unique among what this platform started
	 * @param environment settings that differ from the platform's own
	 * @return the running process; closing it stops it
	 */
	public Node startWorkersNode(String name, Map<String, String> environment) {
		int port = Ports.free();
		ManagedProcess workers = launchWorkers(name, port, environment);
		report(name, "ready (management on 127.0.0.1:" + port + ")");
		return new Node(workers, null);
	}

	private ManagedProcess launchApi(String name, int port, int managementPort, Map<String, String> environment) {
		requireNotRunning(name);
		Map<String, String> env = applicationEnvironment();
		env.put("BRAIN_API_PORT", String.valueOf(port));
		env.put("BRAIN_API_MANAGEMENT_PORT", String.valueOf(managementPort));
		env.put("KEYCLOAK_URL", this.settings.keycloakUrl());
		env.put("BRAIN_ADMIN_CLIENT_SECRET", PlatformSettings.secret(this.settings.home(), "admin-client-secret"));
		env.put("BRAIN_SECURITY_ALLOWEDORIGINS", this.settings.apiUrl());
		env.put("BRAIN_DB_MIGRATION_USER", (this.settings.external().databaseUrl() != null)
				? System.getenv().getOrDefault("BRAIN_DB_MIGRATION_USER", "postgres") : EmbeddedDatabase.USER);
		env.putAll(environment);
		ManagedProcess api = launch(name, java(this.settings.apiJar()), env, this.settings.home());
		awaitHealthy(api, URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"));
		return api;
	}

	private ManagedProcess launchWorkers(String name, int port, Map<String, String> environment) {
		requireNotRunning(name);
		Map<String, String> env = applicationEnvironment();
		env.put("BRAIN_WORKERS_PORT", String.valueOf(port));
		env.putAll(this.settings.workersEnvironment());
		env.putAll(environment);
		ManagedProcess workers = launch(name, inBackground(java(this.settings.workersJar())), env,
				this.settings.home());
		awaitHealthy(workers, URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
		return workers;
	}

	private void requireNotRunning(String name) {
		synchronized (this.processes) {
			if (this.processes.stream().anyMatch((process) -> process.name().equals(name))) {
				throw new PlatformException(name + " is running already");
			}
		}
	}

	/** Waits for a process this platform launched; one that fails to start is stopped. */
	private void awaitHealthy(ManagedProcess process, URI health) {
		try {
			process.awaitHealthy(health, Duration.ofMinutes(3));
		}
		catch (PlatformException ex) {
			stop(process);
			throw ex;
		}
	}

	private void stop(ManagedProcess process) {
		process.stop(Duration.ofSeconds(30));
		this.processes.remove(process);
	}

	private Map<String, String> applicationEnvironment() {
		Map<String, String> env = javaEnvironment();
		env.put("BRAIN_DB_URL", this.databaseUrl);
		// The application's role: created by the api's migrations, owns nothing, cannot
		// bypass row-level security.
		env.put("BRAIN_DB_USER", applicationDatabaseUser());
		if (this.settings.external().databasePassword() != null) {
			env.put("BRAIN_DB_PASSWORD", this.settings.external().databasePassword());
		}
		if (this.settings.camunda8()) {
			env.put("BRAIN_ENGINE_TYPE", "zeebe");
			env.put("ZEEBE_ADDRESS", this.settings.external().zeebeAddress());
			if (this.settings.external().zeebeRestAddress() != null) {
				env.put("ZEEBE_REST_ADDRESS", this.settings.external().zeebeRestAddress());
			}
		}
		else {
			env.put("BRAIN_ENGINE_TYPE", "operaton");
		}
		if (System.getenv("BRAIN_MASTER_KEY") == null) {
			env.put("BRAIN_MASTER_KEY_FILE", this.settings.home().resolve("secrets/master.key").toString());
		}
		return env;
	}

	private String applicationDatabaseUser() {
		return (this.settings.external().databaseUser() != null) ? this.settings.external().databaseUser()
				: "brain_app";
	}

	private static Map<String, String> javaEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("JAVA_HOME", System.getProperty("java.home"));
		return env;
	}

	private static List<String> java(Path jar) {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		// A young generation big enough for a burst of requests between collections.
		return List.of(java.toString(), "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString());
	}

	/**
	 * Runs a command at a lower CPU priority (niceness {@value #BACKGROUND_NICENESS}).
	 * The workers work off runs, which wait safely in the engine; on a host they share
	 * with the api, they take the CPU the api leaves, so a provider's webhook or a user's
	 * request is answered first (decision 0012). Where there is no {@code nice}, the
	 * command runs as it is.
	 */
	static List<String> inBackground(List<String> command) {
		if (!Files.isExecutable(NICE)) {
			return command;
		}
		List<String> niced = new ArrayList<>(List.of(NICE.toString(), "-n", String.valueOf(BACKGROUND_NICENESS)));
		niced.addAll(command);
		return niced;
	}

	private ManagedProcess launch(String name, List<String> command, Map<String, String> env, Path directory) {
		ManagedProcess process = ManagedProcess.start(name, command, env, directory,
				this.settings.logs().resolve(name + ".log"));
		this.processes.add(process);
		return process;
	}

	private void report(String component, String state) {
		this.progress.accept(String.format("[%6.1f s] %-9s %s", elapsedSeconds(), component, state));
	}

	/**
	 * An api node or workers process started beside the platform's own
	 * ({@link #startApiNode}, {@link #startWorkersNode}); closing it stops it, politely
	 * first.
	 */
	public final class Node implements AutoCloseable {

		private final ManagedProcess process;

		private final String url;

		private Node(ManagedProcess process, String url) {
			this.process = process;
			this.url = url;
		}

		public String name() {
			return this.process.name();
		}

		/**
		 * Where the api node answers, {@code http://127.0.0.1:<port>}; null for workers.
		 */
		public String url() {
			return this.url;
		}

		@Override
		public void close() {
			if (Platform.this.processes.contains(this.process)) {
				stop(this.process);
				report(name(), "stopped");
			}
		}

	}

	@Override
	public void close() {
		List<ManagedProcess> started;
		synchronized (this.processes) {
			started = new ArrayList<>(this.processes);
			this.processes.clear();
		}
		Collections.reverse(started);
		for (ManagedProcess process : started) {
			process.stop(Duration.ofSeconds(30));
		}
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

}
