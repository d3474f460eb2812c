package io.brain.infra.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks {@code ./brain} makes before it builds or starts anything.
 */
class BrainScriptTests {

	static final Path PROJECT = Path.of(System.getProperty("brain.project.directory", ".."))
		.toAbsolutePath()
		.normalize();

	@TempDir
	Path directory;

	@Test
	void upWhenJdkOlderThan21ThenOneLineErrorAndExit1() throws Exception {
		Path oldJdk = this.directory.resolve("jdk-17");
		executable(oldJdk.resolve("bin/java"), """
				#!/bin/sh
				echo '    java.specification.version = 17' >&2
				echo 'openjdk version "17.0.15"' >&2
				""");

		Result result = run(PROJECT.resolve("brain"), Map.of("JAVA_HOME", oldJdk.toString()), "up");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.stderr().lines().toList()).singleElement()
			.asString()
			.startsWith("error: Brain needs a JDK 21 or newer, but " + oldJdk + "/bin/java is version 17");
	}

	@Test
	void upWhenNodeMissingAndBuildNeededThenOneLineErrorAndExit1() throws Exception {
		Path checkout = this.directory.resolve("fresh-checkout");
		Files.createDirectories(checkout);
		Files.copy(PROJECT.resolve("brain"), checkout.resolve("brain"));
		Path bin = this.directory.resolve("bin");
		Files.createDirectories(bin);
		for (String tool : List.of("bash", "awk", "ls", "head", "tr", "dirname", "cat")) {
			Path found = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool))
				.stream()
				.filter(Files::isExecutable)
				.findFirst()
				.orElseThrow();
			Files.createSymbolicLink(bin.resolve(tool), found);
		}

		Result result = run(checkout.resolve("brain"),
				Map.of("PATH", bin.toString(), "JAVA_HOME", System.getProperty("java.home")), "up");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.stderr().strip())
			.isEqualTo("error: Node.js 20 or newer is needed to build the web app, and node is not on the PATH");
	}

	private Result run(Path script, Map<String, String> env, String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", script.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().remove("JAVA_HOME");
		builder.environment().putAll(env);
		Process process = builder.start();
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), stderr);
	}

	private static void executable(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	record Result(int exit, String stderr) {
	}

}
