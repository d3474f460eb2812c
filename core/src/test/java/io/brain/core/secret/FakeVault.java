package io.brain.core.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for HashiCorp Vault's HTTP API on 127.0.0.1: the KV version 2 engine at one
 * mount, AppRole login and token self-revocation. It checks each request as Vault's API
 * documentation describes it, answers in the documented shapes, and records what it found
 * wrong in {@link #violations()}.
 */
final class FakeVault implements AutoCloseable {

	static final String APPROLE_TOKEN = "hvs.approle-session-token";

	private final HttpServer server;

	private final ObjectMapper json = new ObjectMapper();

	private final String mount;

	private final Map<String, Versioned> secrets = new ConcurrentSkipListMap<>();

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	private volatile String acceptedToken;

	private volatile String roleId;

	private volatile String secretId;

	private FakeVault(HttpServer server, String mount, String acceptedToken) {
		this.server = server;
		this.mount = mount;
		this.acceptedToken = acceptedToken;
	}

	/**
	 * Starts a server.
	 * @param mount where the KV version 2 engine is mounted
	 * @param token the token requests must carry, or {@code null} until an AppRole login
	 */
	static FakeVault start(String mount, String token) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			FakeVault vault = new FakeVault(server, mount, token);
			server.createContext("/", vault::handle);
			server.start();
			return vault;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Accepts an AppRole login with these credentials, which then issues
	 * {@link #APPROLE_TOKEN}.
	 */
	FakeVault appRole(String roleId, String secretId) {
		this.roleId = roleId;
		this.secretId = secretId;
		return this;
	}

	String address() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	/** The data of the latest version of a secret, by its path under the mount. */
	JsonNode stored(String path) {
		Versioned versioned = this.secrets.get(path);
		return (versioned != null) ? versioned.data() : null;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
			this.requests.add(new Request(method, path, query, token, body));
			Answer answer = answer(method, path, query, token, body,
					exchange.getRequestHeaders().getFirst("Content-Type"));
			byte[] out = (answer.body() != null) ? this.json.writeValueAsBytes(answer.body()) : new byte[0];
			if (out.length > 0) {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
			}
			exchange.sendResponseHeaders(answer.status(), (out.length == 0) ? -1 : out.length);
			if (out.length > 0) {
				exchange.getResponseBody().write(out);
			}
		}
	}

	private Answer answer(String method, String path, String query, String token, String body, String contentType)
			throws IOException {
		if (path.equals("/v1/auth/approle/login")) {
			return login(method, body);
		}
		if (this.acceptedToken == null || !this.acceptedToken.equals(token)) {
			return errors(403, "permission denied");
		}
		if (path.equals("/v1/auth/token/revoke-self")) {
			if (!method.equals("POST")) {
				return violation(method + " " + path + ": revoke-self is a POST");
			}
			this.acceptedToken = null;
			return new Answer(204, null);
		}
		String data = "/v1/" + this.mount + "/data/";
		String metadata = "/v1/" + this.mount + "/metadata/";
		if (path.startsWith(data) && path.length() > data.length()) {
			return data(method, path.substring(data.length()), query, body, contentType);
		}
		if (path.startsWith(metadata)) {
			return metadata(method, path.substring(metadata.length()), query, body);
		}
		return violation(method + " " + path + ": not a KV version 2 path of mount " + this.mount);
	}

	private Answer login(String method, String body) throws IOException {
		if (!method.equals("POST")) {
			return violation(method + " auth/approle/login: login is a POST");
		}
		JsonNode login = this.json.readTree(body);
		Set<String> fields = new TreeSet<>();
		login.fieldNames().forEachRemaining(fields::add);
		if (!fields.equals(Set.of("role_id", "secret_id"))) {
			return violation("AppRole login body has fields " + fields + ", not role_id and secret_id");
		}
		if (this.roleId == null || !this.roleId.equals(login.get("role_id").asText())
				|| !this.secretId.equals(login.get("secret_id").asText())) {
			return errors(400, "invalid role or secret ID");
		}
		this.acceptedToken = APPROLE_TOKEN;
		Map<String, Object> auth = new LinkedHashMap<>();
		auth.put("client_token", APPROLE_TOKEN);
		auth.put("accessor", "accessor-" + UUID.randomUUID());
		auth.put("policies", List.of("default", "brain"));
		auth.put("token_policies", List.of("default", "brain"));
		auth.put("metadata", Map.of("role_name", "brain"));
		auth.put("lease_duration", 3600);
		auth.put("renewable", true);
		auth.put("entity_id", UUID.randomUUID().toString());
		auth.put("token_type", "service");
		auth.put("orphan", true);
		return new Answer(200, envelope("auth", auth));
	}

	private Answer data(String method, String path, String query, String body, String contentType) throws IOException {
		if (method.equals("POST") || method.equals("PUT")) {
			if (contentType == null || !contentType.startsWith("application/json")) {
				return violation("write of " + path + " has content type " + contentType);
			}
			JsonNode write = this.json.readTree(body);
			Set<String> fields = new TreeSet<>();
			write.fieldNames().forEachRemaining(fields::add);
			if (!write.path("data").isObject() || !Set.of("data", "options").containsAll(fields)) {
				return violation("write of " + path + " is not {\"data\": {...}} but has fields " + fields);
			}
			Versioned previous = this.secrets.get(path);
			Versioned written = new Versioned(write.get("data"), (previous != null) ? previous.version() + 1 : 1,
					Instant.now().toString());
			this.secrets.put(path, written);
			return new Answer(200, envelope("data", versionMetadata(written)));
		}
		if (method.equals("GET") && query == null && body.isEmpty()) {
			Versioned versioned = this.secrets.get(path);
			if (versioned == null) {
				return errors(404);
			}
			Map<String, Object> read = new LinkedHashMap<>();
			read.put("data", versioned.data());
			read.put("metadata", versionMetadata(versioned));
			return new Answer(200, envelope("data", read));
		}
		return violation(method + " data/" + path + (query != null ? "?" + query : "") + " is not a KV v2 call");
	}

	private Answer metadata(String method, String path, String query, String body) {
		if (!body.isEmpty()) {
			return violation(method + " metadata/" + path + " has a body");
		}
		if (method.equals("DELETE") && query == null && !path.isEmpty()) {
			this.secrets.remove(path);
			return new Answer(204, null);
		}
		if (method.equals("LIST") && query == null || method.equals("GET") && "list=true".equals(query)) {
			String folder = (path.isEmpty() || path.endsWith("/")) ? path : path + "/";
			Set<String> keys = new TreeSet<>();
			for (String stored : this.secrets.keySet()) {
				if (stored.startsWith(folder)) {
					String rest = stored.substring(folder.length());
					int slash = rest.indexOf('/');
					keys.add((slash < 0) ? rest : rest.substring(0, slash + 1));
				}
			}
			if (keys.isEmpty()) {
				return errors(404);
			}
			return new Answer(200, envelope("data", Map.of("keys", List.copyOf(keys))));
		}
		return violation(method + " metadata/" + path + (query != null ? "?" + query : "") + " is not a KV v2 call");
	}

	private static Map<String, Object> versionMetadata(Versioned versioned) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("created_time", versioned.createdTime());
		metadata.put("custom_metadata", null);
		metadata.put("deletion_time", "");
		metadata.put("destroyed", false);
		metadata.put("version", versioned.version());
		return metadata;
	}

	/** The envelope every Vault response has. */
	private static Map<String, Object> envelope(String field, Object value) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("request_id", UUID.randomUUID().toString());
		response.put("lease_id", "");
		response.put("renewable", false);
		response.put("lease_duration", 0);
		response.put("data", null);
		response.put("wrap_info", null);
		response.put("warnings", null);
		response.put("auth", null);
		response.put("mount_type", "kv");
		response.put(field, value);
		return response;
	}

	private static Answer errors(int status, String... errors) {
		return new Answer(status, Map.of("errors", List.of(errors)));
	}

	private Answer violation(String violation) {
		this.violations.add(violation);
		return errors(400, violation);
	}

	/** A request as the server saw it. */
	record Request(String method, String path, String query, String token, String body) {

	}

	private record Versioned(JsonNode data, int version, String createdTime) {
	}

	private record Answer(int status, Object body) {
	}

}
