package io.brain.infra.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./brain up | down | status}: runs the local platform in the foreground until
 * Ctrl-C or {@code ./brain down}.
 */
public final class Launcher {

	private static final PrintStream out = System.out;

	private Launcher() {
	}

	public static void main(String[] args) {
		Path project = Path.of(System.getProperty("brain.project.directory", ".")).toAbsolutePath().normalize();
		String command = (args.length > 0) ? args[0] : "up";
		try {
			PlatformSettings settings = PlatformSettings.fromEnvironment(project, System.getenv());
			System.setProperty("brain.logs", settings.logs().toString());
			int exit = switch (command) {
				case "up" -> up(settings);
				case "down" -> down(settings);
				case "status" -> status(settings);
				default -> {
					System.err.println("usage: ./brain up | down | status");
					yield 2;
				}
			};
			System.exit(exit);
		}
		catch (PlatformException ex) {
			System.err.println("error: " + ex.getMessage());
			if (!ex.logTail().isEmpty()) {
				System.err.println("---- last " + ex.logTail().size() + " log lines ----");
				ex.logTail().forEach(System.err::println);
			}
			System.exit(1);
		}
	}

	static int up(PlatformSettings settings) {
		Optional<ProcessHandle> running = running(settings);
		if (running.isPresent()) {
			throw new PlatformException(
					"Brain is already running (launcher pid " + running.get().pid() + "); ./brain down stops it");
		}
		writePid(settings);
		out.println("Starting Brain in " + settings.home() + " (logs in " + settings.logs() + ")");
		Platform platform;
		try {
			platform = Platform.start(settings, out::println);
		}
		catch (RuntimeException ex) {
			deletePid(settings);
			throw ex;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("Stopping Brain...");
			platform.close();
			deletePid(settings);
			out.println("Brain stopped.");
			stopped.countDown();
		}, "brain-shutdown"));
		writePids(settings, platform.pids());
		out.printf("%nBrain is ready in %.1f s: %s%n", platform.elapsedSeconds(), settings.apiUrl());
		out.println("  Swagger UI   " + settings.apiUrl() + "/swagger-ui.html");
		out.println("  Keycloak     " + settings.keycloakUrl() + "/admin  (admin / "
				+ PlatformSettings.secret(settings.home(), "keycloak-admin-password") + ")");
		out.println("  Demo logins (dev only), password " + settings.demoPassword() + ":");
		out.println(
				"    acme-admin, acme-editor, acme-viewer, globex-admin, globex-editor, globex-viewer, platform-admin");
		out.println("Press Ctrl-C or run ./brain down to stop.");
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	static int down(PlatformSettings settings) {
		Optional<ProcessHandle> running = running(settings);
		if (running.isEmpty()) {
			out.println("Brain is not running.");
			deletePid(settings);
			return 0;
		}
		out.println("Stopping Brain (launcher pid " + running.get().pid() + ")...");
		running.get().destroy();
		try {
			running.get().onExit().get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new PlatformException("Brain did not stop within 2 minutes; see " + settings.logs());
		}
		out.println("Brain stopped.");
		return 0;
	}

	static int status(PlatformSettings settings) {
		Optional<ProcessHandle> running = running(settings);
		out.println(
				running.map((handle) -> "Brain is running (launcher pid " + handle.pid() + "): " + settings.apiUrl())
					.orElse("Brain is not running."));
		return running.isPresent() ? 0 : 3;
	}

	private static Optional<ProcessHandle> running(PlatformSettings settings) {
		Path pid = pidFile(settings);
		if (!Files.exists(pid)) {
			return Optional.empty();
		}
		try {
			long value = Long.parseLong(Files.readString(pid).trim());
			return ProcessHandle.of(value)
				.filter(ProcessHandle::isAlive)
				.filter((handle) -> handle.info()
					.commandLine()
					.map((line) -> line.contains("brain-infra"))
					.orElse(true));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Path pidFile(PlatformSettings settings) {
		return settings.home().resolve("launcher.pid");
	}

	private static void writePid(PlatformSettings settings) {
		try {
			Files.createDirectories(settings.home());
			Files.writeString(pidFile(settings), String.valueOf(ProcessHandle.current().pid()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writePids(PlatformSettings settings, Map<String, Long> pids) {
		StringBuilder lines = new StringBuilder();
		pids.forEach((name, pid) -> lines.append(name).append(' ').append(pid).append('\n'));
		try {
			Files.writeString(settings.home().resolve("processes"), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deletePid(PlatformSettings settings) {
		try {
			Files.deleteIfExists(pidFile(settings));
			Files.deleteIfExists(settings.home().resolve("processes"));
		}
		catch (IOException ex) {
			// nothing to clean then
		}
	}

}
