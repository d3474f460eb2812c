package io.brain.infra.launcher;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import io.brain.core.testing.RecordingHttpServer;
import io.brain.infra.bench.CallTarget;
import io.brain.infra.bench.WebhookBenchmark;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static io.brain.infra.launcher.SharedPlatform.read;
import static io.brain.infra.launcher.SharedPlatform.send;
import static io.brain.infra.launcher.SharedPlatform.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backup and restore as docs/operations.md describes them, with PostgreSQL's own tools: a
 * Brain with runs, a connection with a secret and audit rows is dumped with
 * {@code pg_dump} while it runs; a fresh PostgreSQL cluster gets the roles
 * ({@code pg_dumpall --roles-only}) and the dump ({@code pg_restore}); an api and workers
 * started on it with the master key the dumped Brain ran with list the runs with their
 * states, resume the run that was waiting at its step, use the connection's secret, and
 * verify the audit chain. With another master key the secret is refused, clearly.
 * <p>
 * The dumped Brain is an api node and a workers process of the shared platform (its
 * Keycloak) on a PostgreSQL of the major version of the {@code pg_dump} at hand (Debian's
 * {@code postgresql-client-15}): {@code pg_dump} dumps no server newer than itself, and
 * the embedded binaries carry none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreEndToEndTests {

	static final String KEY = "backup-flow";

	static final String PASSWORD = "abcd EFGH ijkl MNOP";

	private final Path work = Path.of("target/backup-e2e").toAbsolutePath();

	private final List<AutoCloseable> started = new ArrayList<>();

	private final String masterKey = newMasterKey();

	private Platform platform;

	private Path tools;

	private CallTarget provider;

	private RecordingHttpServer wordpress;

	private String token;

	private EmbeddedPostgres restored;

	private String connectionId;

	/**
	 * The runs of the dumped Brain by state, as it listed them when the dump was taken.
	 */
	private final Map<String, Long> dumpedRuns = new LinkedHashMap<>();

	private String waitingRun;

	/** The rows of the audit chain when the dump was taken. */
	private long auditRows;

	@BeforeAll
	void aBrainWithRunsAConnectionAndAuditRowsIsDumpedAndRestoredIntoAFreshCluster() throws Exception {
		this.platform = SharedPlatform.get();
		this.tools = Path.of("/usr/lib/postgresql", System.getProperty("brain.backup.postgres-major", "15"), "bin");
		assertThat(this.tools.resolve("pg_dump"))
			.as("PostgreSQL's client tools (Debian package postgresql-client-%s)",
					System.getProperty("brain.backup.postgres-major"))
			.isExecutable();
		deleteRecursively(this.work);
		this.provider = CallTarget.start();
		this.wordpress = RecordingHttpServer.start();
		this.token = SharedPlatform.token("acme-admin");

		EmbeddedPostgres source = started(cluster("source"));
		createDatabase(source);
		Platform.Node api = started(this.platform.startApiNode("api-dumped", brainOn(source, this.masterKey)));
		Platform.Node workers = started(
				this.platform.startWorkersNode("workers-dumped", brainOn(source, this.masterKey)));
		String brain = api.url();

		// A connection whose secret the workers use when they test it.
		JsonNode connection = read(expect(201,
				send(brain, this.token, "POST", "/api/connectors",
						write(Map.of("type", "wordpress", "name", "Company blog", "config", Map.of("siteUrl",
								this.wordpress.url(""), "username", "editor", "applicationPassword", PASSWORD)))))
			.body());
		this.connectionId = connection.get("id").asText();
		assertThat(read(expect(200, testConnection(brain)).body()).get("status").asText()).isEqualTo("OK");
		assertThat(this.wordpress.take(Duration.ofSeconds(5)).header("Authorization")).isEqualTo(basic());

		// Runs: three completed; with the workers stopped, one cancelled and one waiting
		// at its step when the dump is taken.
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", "Backup flow");
		automation.put("key", KEY);
		automation.put("bpmnXml", WebhookBenchmark.bpmn(KEY, this.provider.url()));
		expect(201, send(brain, this.token, "POST", "/api/automations", write(automation)));
		expect(200, send(brain, this.token, "POST", "/api/automations/" + KEY + "/versions/1/deployment", null));
		for (int n = 0; n < 3; n++) {
			startRun(brain, "completed-" + n);
		}
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> runs(brain, "COMPLETED") == 3);
		stop(workers);
		String cancelled = startRun(brain, "cancelled");
		expect(202, send(brain, this.token, "POST", "/api/runs/" + cancelled + "/cancel", null));
		this.waitingRun = startRun(brain, "waiting");
		for (String state : List.of("COMPLETED", "CANCELLED", "ACTIVE")) {
			this.dumpedRuns.put(state, runs(brain, state));
		}
		assertThat(this.dumpedRuns).containsExactly(Map.entry("COMPLETED", 3L), Map.entry("CANCELLED", 1L),
				Map.entry("ACTIVE", 1L));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(verification(brain).get("intact").asBoolean()).isTrue());
		this.auditRows = verification(brain).get("rowsChecked").asLong();
		assertThat(this.auditRows).as("audit rows sealed in the chain").isGreaterThanOrEqualTo(8);

		// The dump, taken while Brain runs, as the superuser (row-level security is
		// forced on Brain's tables), and the roles.
		Path dump = this.work.resolve("brain.dump");
		Path roles = this.work.resolve("roles.sql");
		run(tool("pg_dump", source), "-d", "brain", "--format=custom", "--file=" + dump);
		run(tool("pg_dumpall", source), "--roles-only", "--file=" + roles);
		stop(api);
		stop(source);

		// A fresh cluster: the roles first, then the database.
		this.restored = cluster("restored");
		run(tool("psql", this.restored), "-d", "postgres", "--quiet", "--file=" + roles);
		createDatabase(this.restored);
		run(tool("pg_restore", this.restored), "-d", "brain", "--exit-on-error", dump.toString());
	}

	@AfterAll
	void stopEverythingItStarted() throws Exception {
		for (AutoCloseable closeable : this.started.reversed()) {
			closeable.close();
		}
		if (this.restored != null) {
			this.restored.close();
		}
		if (this.provider != null) {
			this.provider.close();
		}
		if (this.wordpress != null) {
			this.wordpress.close();
		}
	}

	@Test
	@Order(1)
	void restoredWithTheMasterKeyItRanWithThenRunsConnectionAndAuditChainAreIntact() {
		try (Platform.Node api = this.platform.startApiNode("api-restored", brainOn(this.restored, this.masterKey))) {
			String brain = api.url();
			JsonNode chain = verification(brain);
			assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
			assertThat(chain.get("rowsChecked").asLong()).isGreaterThanOrEqualTo(this.auditRows);
			for (Map.Entry<String, Long> dumped : this.dumpedRuns.entrySet()) {
				assertThat(runs(brain, dumped.getKey())).as("%s runs", dumped.getKey()).isEqualTo(dumped.getValue());
			}
			JsonNode connection = read(
					expect(200, send(brain, this.token, "GET", "/api/connectors/" + this.connectionId, null)).body());
			assertThat(connection.get("name").asText()).isEqualTo("Company blog");
			assertThat(connection.toString()).doesNotContain(PASSWORD);

			try (Platform.Node workers = this.platform.startWorkersNode("workers-restored",
					brainOn(this.restored, this.masterKey))) {
				// The run waiting at its step when the dump was taken goes on, with its
				// input.
				await().atMost(Duration.ofMinutes(1))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> runs(brain, "COMPLETED") == 4);
				assertThat(
						read(expect(200, send(brain, this.token, "GET", "/api/runs/" + this.waitingRun, null)).body())
							.get("state")
							.asText())
					.isEqualTo("COMPLETED");
				assertThat(this.provider.callsById().get(KEY + "-waiting")).hasSize(1);

				// The workers read the secret with the key and sign in with it.
				this.wordpress.reset();
				HttpResponse<String> tested = testConnection(brain);
				assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
				assertThat(read(tested.body()).get("status").asText()).as(tested.body()).isEqualTo("OK");
				assertThat(this.wordpress.take(Duration.ofSeconds(5)).header("Authorization")).isEqualTo(basic());
			}
			// The rows written since (the test, its audit row) join the chain.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				JsonNode after = verification(brain);
				assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
				assertThat(after.get("rowsChecked").asLong()).isGreaterThan(chain.get("rowsChecked").asLong());
			});
		}
	}

	@Test
	@Order(2)
	void restoredWithAnotherMasterKeyThenTheSecretIsRefusedClearlyAndTheRestWorks() {
		String anotherKey = newMasterKey();
		try (Platform.Node api = this.platform.startApiNode("api-another-key", brainOn(this.restored, anotherKey));
				Platform.Node workers = this.platform.startWorkersNode("workers-another-key",
						brainOn(this.restored, anotherKey))) {
			String brain = api.url();
			this.wordpress.reset();
			HttpResponse<String> tested = testConnection(brain);
			// The workers say which key the secret needs (by fingerprint), and call no
			// one.
			assertThat(tested.statusCode()).as(tested.body()).isEqualTo(502);
			assertThat(tested.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(read(tested.body()).get("detail").asText())
				.contains("is wrapped by master key " + fingerprint(this.masterKey))
				.contains("the master key in use is " + fingerprint(anotherKey))
				.contains("cannot be read")
				.doesNotContain("Exception");
			assertThat(tested.body()).doesNotContain(PASSWORD)
				.doesNotContain(this.masterKey)
				.doesNotContain(anotherKey);
			assertThat(this.wordpress.received()).isZero();
			// Nothing else needs the key: the connection, the runs and the audit chain
			// read
			// as before.
			expect(200, send(brain, this.token, "GET", "/api/connectors/" + this.connectionId, null));
			assertThat(runs(brain, "COMPLETED")).isEqualTo(4);
			assertThat(runs(brain, "CANCELLED")).isEqualTo(1);
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(verification(brain).get("intact").asBoolean()).isTrue());
		}
	}

	private <T extends AutoCloseable> T started(T process) {
		this.started.add(process);
		return process;
	}

	private void stop(AutoCloseable process) throws Exception {
		this.started.remove(process);
		process.close();
	}

	/** Where the api and workers of a cluster's Brain find their database and key. */
	private static Map<String, String> brainOn(EmbeddedPostgres cluster, String masterKey) {
		return Map.of("BRAIN_DB_URL", "jdbc:postgresql://127.0.0.1:" + cluster.getPort() + "/brain", "BRAIN_MASTER_KEY",
				masterKey);
	}

	private String startRun(String brain, String id) {
		HttpResponse<String> started = expect(201, send(brain, this.token, "POST", "/api/runs", write(Map
			.of("processId", KEY, "variables", Map.of("webhook", Map.of("payload", Map.of("id", KEY + "-" + id)))))));
		return read(started.body()).get("id").asText();
	}

	private long runs(String brain, String state) {
		return read(
				expect(200,
						send(brain, this.token, "GET",
								"/api/runs?automation=" + KEY + "&state=" + state + "&size=1&page=0", null))
					.body())
			.get("total")
			.asLong();
	}

	private JsonNode verification(String brain) {
		return read(expect(200, send(brain, this.token, "GET", "/api/audit/verification", null)).body());
	}

	/**
	 * Tests the connection: the workers read its secret and sign in to the local site.
	 */
	private HttpResponse<String> testConnection(String brain) {
		this.wordpress.answer(200, Map.of("Content-Type", "application/json"),
				"{\"id\": 3, \"name\": \"Erin Editor\", \"slug\": \"editor\"}");
		return send(brain, this.token, "POST", "/api/connectors/" + this.connectionId + "/test", null);
	}

	/** A master key's fingerprint as the secret store names it (docs/secrets.md). */
	private static String fingerprint(String masterKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(masterKey));
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A new PostgreSQL cluster of the backup's major version, in its own directory, on a
	 * free port, its superuser {@code postgres} as on the platform's own.
	 */
	private EmbeddedPostgres cluster(String name) throws IOException {
		Path binaries = Path.of(System.getProperty("brain.backup.postgres-binaries"));
		return EmbeddedPostgres.builder()
			.setPgBinaryResolver((system, hardware) -> binaries(binaries))
			.setDataDirectory(this.work.resolve(name))
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200")
			.start();
	}

	/** The cluster's archive in the binaries' jar; closing the stream closes the jar. */
	private static InputStream binaries(Path jar) throws IOException {
		ZipFile zip = new ZipFile(jar.toFile());
		InputStream archive = zip.getInputStream(zip.stream()
			.filter((entry) -> entry.getName().endsWith(".txz"))
			.findFirst()
			.orElseThrow(() -> new IOException("no PostgreSQL archive in " + jar)));
		return new FilterInputStream(archive) {
			@Override
			public void close() throws IOException {
				super.close();
				zip.close();
			}
		};
	}

	private void createDatabase(EmbeddedPostgres cluster) throws Exception {
		run(tool("psql", cluster), "-d", "postgres", "--quiet", "-c", "create database brain");
	}

	private List<String> tool(String name, EmbeddedPostgres cluster) {
		return List.of(this.tools.resolve(name).toString(), "-h", "127.0.0.1", "-p", String.valueOf(cluster.getPort()),
				"-U", "postgres");
	}

	/** Runs one of PostgreSQL's tools, its output in a log, and requires success. */
	private void run(List<String> tool, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(tool);
		command.addAll(List.of(arguments));
		Path log = this.work.resolve("tools.log");
		Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s ended", command).isTrue();
		assertThat(process.exitValue()).as("%s: see %s", command, log).isZero();
	}

	private static String newMasterKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private HttpResponse<String> expect(int status, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
