package io.brain.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.infra.launcher.PlatformSettings.ExternalServices;
import io.brain.infra.launcher.PlatformSettings.PlatformPorts;

/**
 * The platform as {@code ./brain up} starts it, once for every end-to-end test class of
 * this JVM, on free ports beside any running dev platform; and an HTTP client that talks
 * to it with real Keycloak tokens. The workers reach Slack's Web API at a local server
 * ({@link #slack()}).
 */
final class SharedPlatform {

	static final String DEMO_PASSWORD = "E2e-Demo-Pass-1";

	private static Platform platform;

	private static RecordingHttpServer slack;

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final ObjectMapper json = new ObjectMapper();

	private SharedPlatform() {
	}

	static synchronized Platform get() {
		if (platform == null) {
			Path project = Path.of(System.getProperty("brain.project.directory", "..")).toAbsolutePath().normalize();
			Path home = project.resolve("infra/target/e2e-home");
			deleteRecursively(home);
			slack = RecordingHttpServer.start();
			PlatformSettings settings = new PlatformSettings(project, home, project.resolve(".brain/dist"),
					PlatformPorts.free(), ExternalServices.none(), DEMO_PASSWORD,
					Map.of("BRAIN_OUTBOUND_ALLOWEDNETWORKS", "127.0.0.1/32", "BRAIN_CONNECTORS_ENDPOINTS_SLACK",
							slack.url(""),
							// The floods of the crash tests run in one tenant: its
							// connector
							// quota (600 calls a minute, 10 at once by default) would
							// time
							// them, not the platform.
							"BRAIN_CONNECTORS_LIMITS_CALLSPERMINUTE", "100000",
							"BRAIN_CONNECTORS_LIMITS_CONCURRENTCALLS", "64"));
			platform = Platform.start(settings, System.out::println);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				platform.close();
				slack.close();
			}));
		}
		return platform;
	}

	/**
	 * The local server the workers reach as Slack's Web API
	 * ({@code brain.connectors.endpoints.slack}); tests that use it reset it first.
	 */
	static synchronized RecordingHttpServer slack() {
		get();
		return slack;
	}

	static String apiUrl() {
		return "http://127.0.0.1:" + get().settings().ports().api();
	}

	/** An access token for a demo user, by the password grant of the dev-tools client. */
	static String token(String username) {
		String form = Map
			.of("grant_type", "password", "client_id", "brain-cli", "username", username, "password", DEMO_PASSWORD)
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String tokenUrl = "http://127.0.0.1:" + get().settings().ports().keycloak()
				+ "/realms/brain/protocol/openid-connect/token";
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		if (response.statusCode() != 200) {
			throw new AssertionError("No token for " + username + ": " + response.body());
		}
		return read(response.body()).get("access_token").asText();
	}

	static HttpRequest.Builder request(String token, String path) {
		return request(apiUrl(), token, path);
	}

	/** A request to an api node of the platform, such as one started beside it. */
	static HttpRequest.Builder request(String apiUrl, String token, String path) {
		return HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Authorization", "Bearer " + token);
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> send(String token, String method, String path, String body) {
		return send(apiUrl(), token, method, path, body);
	}

	/** Sends to an api node of the platform, such as one started beside it. */
	static HttpResponse<String> send(String apiUrl, String token, String method, String path, String body) {
		HttpRequest.Builder request = request(apiUrl, token, path);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Posts a webhook the way GitHub signs it: {@code X-Hub-Signature-256}, the
	 * HMAC-SHA256 of the body in hex, and a new {@code X-GitHub-Delivery} id.
	 */
	static HttpResponse<String> postGitHubWebhook(String address, String secret, String body) {
		return send(gitHubWebhook(address, secret, body, UUID.randomUUID().toString()));
	}

	/**
	 * A webhook signed the way GitHub signs it, with the given {@code X-GitHub-Delivery}
	 * id (GitHub sends the same id again when it redelivers).
	 */
	static HttpRequest.Builder gitHubWebhook(String address, String secret, String body, String deliveryId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
			return HttpRequest.newBuilder(URI.create(address))
				.header("Content-Type", "application/json")
				.header("X-GitHub-Event", "push")
				.header("X-GitHub-Delivery", deliveryId)
				.header("X-Hub-Signature-256", signature)
				.POST(HttpRequest.BodyPublishers.ofString(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
