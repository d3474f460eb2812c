package io.brain.infra.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks {@code ./brain} makes before it builds or starts anything, the JDK it finds,
 * and its {@code status} and {@code down}, which need no particular Java.
 */
class BrainScriptTests {

	static final Path PROJECT = Path.of(System.getProperty("brain.project.directory", ".."))
		.toAbsolutePath()
		.normalize();

	@TempDir
	Path directory;

	@Test
	void upWhenNoJdk21AnywhereThenOneLineErrorNamingWhatItFoundAndExit1() throws Exception {
		Path oldJdk = oldJdk(this.directory.resolve("jdk-17"));
		Path jvms = this.directory.resolve("jvm");
		oldJdk(jvms.resolve("java-17-openjdk"));

		Result result = run(freshCheckout(),
				Map.of("JAVA_HOME", oldJdk.toString(), "PATH", tools().toString(), "BRAIN_JDK_DIRS", jvms.toString()),
				"up");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.stderr().lines().toList()).singleElement()
			.isEqualTo("error: Brain needs a JDK 21 or newer and found none (" + oldJdk + " (Java 17), "
					+ jvms.resolve("java-17-openjdk") + " (Java 17)); install one, or set JAVA_HOME to it");
	}

	@Test
	void upWhenJavaHomeIs17ThenUsesTheNewestJdkOfTheUsualFolders() throws Exception {
		Path oldJdk = oldJdk(this.directory.resolve("jdk-17"));
		Path jvms = this.directory.resolve("JavaVirtualMachines");
		oldJdk(jvms.resolve("zulu-17.jdk/Contents/Home"));
		// A macOS installer's layout: the JDK's home is Contents/Home of its bundle.
		Path bundle = jvms.resolve("temurin.jdk/Contents");
		Files.createDirectories(bundle);
		Files.createSymbolicLink(bundle.resolve("Home"), Path.of(System.getProperty("java.home")));
		String major = String.valueOf(Runtime.version().feature());

		Result result = run(freshCheckout(),
				Map.of("JAVA_HOME", oldJdk.toString(), "PATH", tools().toString(), "BRAIN_JDK_DIRS", jvms.toString()),
				"up");

		assertThat(result.stdout()).startsWith("JAVA_HOME is not a JDK 21+ (" + oldJdk + " (Java 17)); using the JDK "
				+ major + " at " + bundle.resolve("Home"));
		// It went on to the build, which needs Node.js, not on this PATH.
		assertThat(result.stderr().strip())
			.isEqualTo("error: Node.js 20 or newer is needed to build the web app, and node is not on the PATH");
	}

	@Test
	void upWhenJavaHomeIsNotSetThenFindsTheJdkInTheUsualFolders() throws Exception {
		Path jvms = this.directory.resolve("jvm");
		Files.createDirectories(jvms);
		Files.createSymbolicLink(jvms.resolve("temurin"), Path.of(System.getProperty("java.home")));

		Result result = run(freshCheckout(), Map.of("PATH", tools().toString(), "BRAIN_JDK_DIRS", jvms.toString()),
				"up");

		assertThat(result.stderr()).doesNotContain("unbound variable")
			.contains("error: Node.js 20 or newer is needed to build the web app");
	}

	@Test
	void upWhenNodeMissingAndBuildNeededThenOneLineErrorAndExit1() throws Exception {
		Result result = run(freshCheckout(),
				Map.of("PATH", tools().toString(), "JAVA_HOME", System.getProperty("java.home")), "up");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.stderr().strip())
			.isEqualTo("error: Node.js 20 or newer is needed to build the web app, and node is not on the PATH");
	}

	@Test
	void statusAndDownWhenJavaIs17ThenAnswerFromThePidFile() throws Exception {
		Path oldJdk = oldJdk(this.directory.resolve("jdk-17"));
		Path home = Files.createDirectories(this.directory.resolve("home"));
		Process launcher = new ProcessBuilder("/bin/bash", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done",
				"brain-infra-launcher")
			.start();
		try {
			Files.writeString(home.resolve("launcher.pid"), String.valueOf(launcher.pid()));
			Files.writeString(home.resolve("api-url"), "http://localhost:18080");
			Map<String, String> env = Map.of("JAVA_HOME", oldJdk.toString(), "PATH",
					oldJdk.resolve("bin") + ":" + System.getenv("PATH"), "BRAIN_HOME", home.toString());

			Result status = run(PROJECT.resolve("brain"), env, "status");
			assertThat(status.exit()).isZero();
			assertThat(status.stdout().strip())
				.isEqualTo("Brain is running (launcher pid " + launcher.pid() + "): http://localhost:18080");

			Result down = run(PROJECT.resolve("brain"), env, "down");
			assertThat(down.exit()).isZero();
			assertThat(down.stdout().lines().toList())
				.containsExactly("Stopping Brain (launcher pid " + launcher.pid() + ")...", "Brain stopped.");
			assertThat(launcher.isAlive()).isFalse();

			Result stopped = run(PROJECT.resolve("brain"), env, "status");
			assertThat(stopped.exit()).isEqualTo(3);
			assertThat(stopped.stdout().strip()).isEqualTo("Brain is not running.");
		}
		finally {
			launcher.destroyForcibly();
		}
	}

	@Test
	void statusWhenPidFileNamesAnotherProcessThenNotRunning() throws Exception {
		Path home = Files.createDirectories(this.directory.resolve("home"));
		// A pid reused after a crash: alive, but not a Brain launcher.
		Files.writeString(home.resolve("launcher.pid"), String.valueOf(ProcessHandle.current().pid()));

		Result result = run(PROJECT.resolve("brain"), Map.of("BRAIN_HOME", home.toString()), "status");

		assertThat(result.exit()).isEqualTo(3);
		assertThat(result.stdout().strip()).isEqualTo("Brain is not running.");
	}

	/** A copy of the scripts alone: nothing built. */
	private Path freshCheckout() throws IOException {
		Path checkout = this.directory.resolve("fresh-checkout");
		Files.createDirectories(checkout.resolve("infra"));
		Files.copy(PROJECT.resolve("brain"), checkout.resolve("brain"));
		Files.copy(PROJECT.resolve("infra/jdk.sh"), checkout.resolve("infra/jdk.sh"));
		return checkout.resolve("brain");
	}

	/** A PATH with the shell's tools only: no java, no node. */
	private Path tools() throws IOException {
		Path bin = this.directory.resolve("bin");
		if (Files.isDirectory(bin)) {
			return bin;
		}
		Files.createDirectories(bin);
		for (String tool : List.of("bash", "awk", "ls", "head", "tr", "dirname", "cat")) {
			Path found = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool))
				.stream()
				.filter(Files::isExecutable)
				.findFirst()
				.orElseThrow();
			Files.createSymbolicLink(bin.resolve(tool), found);
		}
		return bin;
	}

	/** A JDK 17 as far as the scripts can tell: its java answers version 17. */
	private static Path oldJdk(Path home) throws IOException {
		String java = """
				#!/bin/sh
				echo '    java.home = %s' >&2
				echo '    java.specification.version = 17' >&2
				echo 'openjdk version "17.0.15"' >&2
				""".formatted(home);
		executable(home.resolve("bin/java"), java);
		executable(home.resolve("bin/javac"), "#!/bin/sh\n");
		return home;
	}

	private Result run(Path script, Map<String, String> env, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
		command.addAll(List.of(args));
		Path stdout = Files.createTempFile(this.directory, "stdout", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile());
		builder.environment().remove("JAVA_HOME");
		builder.environment().remove("BRAIN_HOME");
		builder.environment().putAll(env);
		Process process = builder.start();
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), Files.readString(stdout), stderr);
	}

	private static void executable(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	record Result(int exit, String stdout, String stderr) {
	}

}
