package io.brain.infra.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./brain up}: runs the local platform in the foreground until Ctrl-C or
 * {@code ./brain down}. The script itself answers {@code status} and {@code down} from
 * the pid file written here, so that they need no particular Java.
 */
public final class Launcher {

	private static final PrintStream out = System.out;

	private Launcher() {
	}

	public static void main(String[] args) {
		Path project = Path.of(System.getProperty("brain.project.directory", ".")).toAbsolutePath().normalize();
		if (args.length > 0 && !"up".equals(args[0])) {
			System.err.println("usage: ./brain up | down | status");
			System.exit(2);
		}
		try {
			PlatformSettings settings = PlatformSettings.fromEnvironment(project, System.getenv());
			System.setProperty("brain.logs", settings.logs().toString());
			System.exit(up(settings));
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
		write(settings.home().resolve("api-url"), settings.apiUrl());
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
		write(settings.home().resolve("processes"), lines);
	}

	private static void write(Path file, CharSequence content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deletePid(PlatformSettings settings) {
		try {
			Files.deleteIfExists(pidFile(settings));
			Files.deleteIfExists(settings.home().resolve("processes"));
			Files.deleteIfExists(settings.home().resolve("api-url"));
		}
		catch (IOException ex) {
			// nothing to clean then
		}
	}

}
