package io.brain.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deployment files under {@code infra/deploy}, and what the applications they
 * configure really read.
 */
final class DeployFiles {

	static final Path PROJECT = Path.of(System.getProperty("brain.project.directory", ".."))
		.toAbsolutePath()
		.normalize();

	static final Path DEPLOY = PROJECT.resolve("infra/deploy");

	/** Names of settings that hold a secret: never given a value in a file. */
	static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|MASTER_KEY|ROLE_ID).*");

	/**
	 * Settings the api and the workers read by Spring's relaxed binding rather than by
	 * name, each with the property it binds.
	 */
	private static final Map<String, String> RELAXED = Map.of("BRAIN_SECURITY_ALLOWEDORIGINS",
			"brain.security allowedOrigins (SecurityProperties)", "BRAIN_OUTBOUND_ALLOWEDNETWORKS",
			"brain.outbound allowedNetworks (OutboundHttpProperties)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final Pattern JAVA_NAME = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

	private DeployFiles() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The environment variables the api and the workers read: placeholders of their
	 * configuration files and names their code (and the code they share) looks up.
	 */
	static Set<String> variablesTheApplicationsRead() {
		Set<String> names = new TreeSet<>(RELAXED.keySet());
		for (String module : List.of("api", "engine-workers", "core", "engine")) {
			Path main = PROJECT.resolve(module).resolve("src/main");
			try (Stream<Path> files = Files.walk(main)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String name = file.getFileName().toString();
					if (name.endsWith(".yml")) {
						collect(PLACEHOLDER.matcher(read(file)), names);
					}
					else if (name.endsWith(".java")) {
						collect(JAVA_NAME.matcher(read(file)), names);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return names;
	}

	private static void collect(Matcher matcher, Set<String> names) {
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
	}

	/** The variables of an env file ({@code NAME=value} lines), in order. */
	static Map<String, String> envFile(Path file) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : read(file).split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		return variables;
	}

}
