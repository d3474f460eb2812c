package io.brain.workers.connector.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.brain.core.testing.FreePort;

/**
 * Test support: a real, throw-away WordPress site on 127.0.0.1 — Debian's
 * {@code wordpress} package on PHP's built-in server, with its own MariaDB server —
 * installed through WordPress itself, with an application password WordPress created. The
 * packages are installed by {@code .ci/run}; everything else lives under
 * {@code target/real-wordpress} and stops with the test.
 */
final class RealWordPress implements AutoCloseable {

	static final Path WORDPRESS = Path.of("/usr/share/wordpress");

	static final String USER = "editor";

	/**
	 * The site's time zone: west of UTC, where reading a UTC time as the site's local
	 * time puts it hours later.
	 */
	static final String TIMEZONE = "America/Los_Angeles";

	private final List<Process> processes = new ArrayList<>();

	private final Path home;

	private String url;

	private String applicationPassword;

	private RealWordPress(Path home) {
		this.home = home;
	}

	static RealWordPress start() {
		for (String tool : List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb",
				"/usr/bin/php", WORDPRESS.resolve("wp-load.php").toString())) {
			if (!Files.exists(Path.of(tool))) {
				throw new IllegalStateException(tool + " is missing: the real-WordPress tests need Debian's packages "
						+ "wordpress, mariadb-server, php-cli and php-mysql (.ci/run installs them)");
			}
		}
		RealWordPress site = new RealWordPress(Path.of("target", "real-wordpress").toAbsolutePath());
		try {
			site.launch();
			return site;
		}
		catch (IOException | RuntimeException ex) {
			site.close();
			throw (ex instanceof RuntimeException runtime) ? runtime : new UncheckedIOException((IOException) ex);
		}
	}

	String url() {
		return this.url;
	}

	String applicationPassword() {
		return this.applicationPassword;
	}

	private void launch() throws IOException {
		delete(this.home);
		Files.createDirectories(this.home);
		int databasePort = FreePort.onLoopback();
		int webPort = FreePort.onLoopback();
		this.url = "http://127.0.0.1:" + webPort;
		Path data = this.home.resolve("mariadb");
		run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root",
				"--auth-root-authentication-method=normal", "--skip-test-db"), Map.of(), "mariadb-install-db.log");
		this.processes.add(spawn(
				List.of("mariadbd", "--no-defaults", "--datadir=" + data, "--user=root", "--bind-address=127.0.0.1",
						"--port=" + databasePort, "--socket=" + this.home.resolve("mariadb.sock"),
						"--pid-file=" + this.home.resolve("mariadb.pid"), "--skip-grant-tables", "--skip-log-bin"),
				Map.of(), "mariadb.log"));
		awaitPort(databasePort, "MariaDB");
		run(List.of("mariadb", "--no-defaults", "--protocol=tcp", "-h127.0.0.1", "-P" + databasePort, "-uroot", "-e",
				"create database wordpress character set utf8mb4"), Map.of(), "create-database.log");

		Path site = this.home.resolve("site");
		run(List.of("cp", "-a", WORDPRESS.toString(), site.toString()), Map.of(), "copy.log");
		for (String file : List.of("wp-config.php", "install.php", "router.php")) {
			try (InputStream in = RealWordPress.class.getResourceAsStream("/wordpress/" + file)) {
				Files.copy(in, site.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		byte[] salt = new byte[32];
		ThreadLocalRandom.current().nextBytes(salt);
		Map<String, String> environment = Map.of("BRAIN_WP_DB_PORT", String.valueOf(databasePort), "BRAIN_WP_URL",
				this.url, "BRAIN_WP_SALT", HexFormat.of().formatHex(salt), "BRAIN_WP_TIMEZONE", TIMEZONE);
		String installed = run(List.of("php", site.resolve("install.php").toString()), environment, "install.log");
		String[] lines = installed.strip().split("\n");
		this.applicationPassword = lines[lines.length - 1].strip();
		this.processes.add(spawn(List.of("php", "-S", "127.0.0.1:" + webPort, "-t", site.toString(),
				site.resolve("router.php").toString()), environment, "php-server.log"));
		awaitPort(webPort, "PHP's web server");
		awaitRestApi();
	}

	/**
	 * Edits a post's content through WordPress's REST API, as an editor would: WordPress
	 * sets its modification time to now.
	 * @param id the post's id
	 * @param content the new content
	 */
	void editPost(int id, String content) {
		String credentials = Base64.getEncoder()
			.encodeToString((USER + ":" + this.applicationPassword).getBytes(StandardCharsets.UTF_8));
		String body = "{\"content\": \"" + content + "\"}";
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.url + "/wp-json/wp/v2/posts/" + id))
					.header("Authorization", "Basic " + credentials)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"WordPress refused to edit post " + id + ": " + response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitRestApi() {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plusSeconds(60);
		String last = "no answer";
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(this.url + "/wp-json/wp/v2/types")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep();
		}
		throw new IllegalStateException("WordPress's REST API did not answer: " + last);
	}

	private String run(List<String> command, Map<String, String> environment, String log) throws IOException {
		Process process = spawn(command, environment, log);
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish in 120 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String output = Files.readString(this.home.resolve(log), StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command.get(0) + " failed (" + process.exitValue() + "): " + output);
		}
		return output;
	}

	private Process spawn(List<String> command, Map<String, String> environment, String log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.home.resolve(log).toFile());
		builder.environment().putAll(environment);
		return builder.start();
	}

	private static void awaitPort(int port, String what) {
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return;
			}
			catch (IOException notYet) {
				sleep();
			}
		}
		throw new IllegalStateException(what + " did not listen on 127.0.0.1:" + port + " within 60 s");
	}

	private static void sleep() {
		try {
			Thread.sleep(Duration.ofMillis(200));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path path) throws IOException {
		if (Files.exists(path)) {
			try (var files = Files.walk(path)) {
				for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	@Override
	public void close() {
		for (Process process : this.processes.reversed()) {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
