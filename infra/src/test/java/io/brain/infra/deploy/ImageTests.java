package io.brain.infra.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images' configuration (parent POM, Jib), checked on the image every build
 * writes on an empty base ({@code target/jib-check/image.tar} of the api and the
 * workers): the same configuration as {@code -Pimages}, whose base image cannot be pulled
 * in the build.
 */
class ImageTests {

	private static final JsonMapper JSON = new JsonMapper();

	/**
	 * Files that hold keys, certificates or environment secrets: none may be in a layer.
	 */
	private static final Pattern SECRET_FILE = Pattern
		.compile("(?i).*(\\.env|\\.key|\\.pem|\\.p12|\\.pfx|\\.jks|\\.keystore|id_rsa|/\\.brain/.*|/secrets/.*)$");

	private static Map<String, byte[]> blobs(Path image) throws IOException {
		assertThat(image).as("the image the build writes (./mvnw package of the api and the workers)").exists();
		Map<String, byte[]> blobs = new HashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new BufferedInputStream(Files.newInputStream(image)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				if (entry.isFile()) {
					blobs.put(entry.getName(), tar.readAllBytes());
				}
			}
		}
		return blobs;
	}

	private static byte[] blob(Map<String, byte[]> blobs, String digest) {
		return blobs.get("blobs/sha256/" + digest.substring("sha256:".length()));
	}

	private static List<String> layerFiles(byte[] layer) throws IOException {
		List<String> files = new ArrayList<>();
		try (InputStream in = new java.io.ByteArrayInputStream(layer);
				TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				files.add("/" + entry.getName());
			}
		}
		return files;
	}

	@ParameterizedTest
	@CsvSource({ "api, brain/api, io.brain.api.BrainApiApplication, '8080/tcp,8082/tcp'",
			"engine-workers, brain/workers, io.brain.workers.WorkersApplication, '8081/tcp'" })
	void imageRunsTheApplicationAsANonRootUserWithoutSecrets(String module, String name, String mainClass, String ports)
			throws IOException {
		Map<String, byte[]> blobs = blobs(DeployFiles.PROJECT.resolve(module).resolve("target/jib-check/image.tar"));
		JsonNode index = JSON.readTree(blobs.get("index.json"));
		JsonNode descriptor = index.get("manifests").get(0);
		JsonNode manifest = JSON.readTree(blob(blobs, descriptor.get("digest").asString()));
		JsonNode config = JSON.readTree(blob(blobs, manifest.get("config").get("digest").asString())).get("config");

		assertThat(descriptor.get("annotations").get("org.opencontainers.image.ref.name").asString())
			.startsWith(name + ":");
		assertThat(config.get("User").asString()).isEqualTo("10001:10001");
		List<String> entrypoint = new ArrayList<>();
		config.get("Entrypoint").forEach((part) -> entrypoint.add(part.asString()));
		assertThat(entrypoint).startsWith("java").endsWith(mainClass).contains("-XX:MaxRAMPercentage=75");
		assertThat(config.get("ExposedPorts").propertyNames()).containsExactlyInAnyOrder(ports.split(","));
		config.get("Env")
			.forEach((variable) -> assertThat(variable.asString().substring(0, variable.asString().indexOf('=')))
				.doesNotMatch(DeployFiles.SECRET_NAME));

		List<String> files = new ArrayList<>();
		for (JsonNode layer : manifest.get("layers")) {
			files.addAll(layerFiles(blob(blobs, layer.get("digest").asString())));
		}
		assertThat(files).contains("/app/jib-classpath-file", "/app/resources/application.yml")
			.allSatisfy((file) -> assertThat(file).startsWith("/app/").doesNotMatch(SECRET_FILE));
	}

}
