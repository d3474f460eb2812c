package io.brain.infra.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A compose file as Docker Compose reads it: its variables interpolated from an
 * environment, then checked against the Compose specification's JSON schema (vendored in
 * {@code src/test/resources/compose-spec}, with its licence and origin).
 */
final class ComposeFile {

	private static final YAMLMapper YAML = new YAMLMapper();

	private static final Schema SCHEMA = loadSchema();

	/**
	 * {@code $$}, or {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME?error}},
	 * ...
	 */
	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

	private ComposeFile() {
	}

	private static Schema loadSchema() {
		// From its location, so the schema's relative $id resolves.
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
			.getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
	}

	/** The file's text, its variables replaced as Docker Compose replaces them. */
	static String interpolate(String text, Map<String, String> environment) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(resolve(matcher, environment)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String resolve(Matcher variable, Map<String, String> environment) {
		if (variable.group(1) == null) {
			return "$";
		}
		String name = variable.group(1);
		String operator = variable.group(2);
		String argument = variable.group(3);
		String value = environment.get(name);
		boolean unset = value == null;
		boolean missing = unset || ((operator != null) && operator.startsWith(":") && value.isEmpty());
		if (operator == null) {
			return unset ? "" : value;
		}
		return switch (operator.substring(operator.length() - 1)) {
			case "-" -> missing ? argument : value;
			case "+" -> missing ? "" : argument;
			case "?" -> {
				if (missing) {
					throw new IllegalArgumentException("required variable " + name + " is missing: " + argument);
				}
				yield value;
			}
			default -> throw new IllegalStateException(operator);
		};
	}

	/** The file interpolated from an environment, as a YAML tree. */
	static JsonNode load(Path file, Map<String, String> environment) {
		return YAML.readTree(interpolate(DeployFiles.read(file), environment));
	}

	/** The file as written, variables and all. */
	static JsonNode raw(Path file) {
		return YAML.readTree(DeployFiles.read(file));
	}

	/** What the Compose specification's schema says is wrong with a compose file. */
	static List<Error> problems(JsonNode compose) {
		return SCHEMA.validate(compose);
	}

}
