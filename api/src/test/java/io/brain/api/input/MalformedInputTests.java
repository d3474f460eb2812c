package io.brain.api.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad bytes from outside, through the real server (Tomcat included): NUL, lone
 * surrogates, overlong UTF-8, bad percent-encoding and oversized headers, sent to every
 * operation of the OpenAPI document by a tenant admin's API key, are each answered 4xx
 * problem+json and change no row of any table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
				"brain.keycloak.url=http://127.0.0.1:9", "brain.security.failed-authentications-per-window=1000",
				"BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
class MalformedInputTests extends ApiTestContext {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String TENANT = "malformed";

	private static final byte[] OVERLONG_SLASH = { (byte) 0xC0, (byte) 0xAF };

	@LocalServerPort
	int port;

	private String apiKey;

	@BeforeEach
	void apiKey() throws Exception {
		if (this.apiKey != null) {
			return;
		}
		Map<String, Object> request = Map.of("name", "Sweep", "permissions",
				TestTokens.PERMISSIONS_OF_ROLE.get("tenant-admin"));
		this.apiKey = JSON.readTree(this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user(TENANT, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(request)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("key").asText();
	}

	@Test
	void everyOperationWhenSentBadBytesThenProblemAndNothingChanges() throws Exception {
		JsonNode document = JSON.readTree(send(request("GET", "/v3/api-docs", List.of(), null)).body());
		List<Probe> probes = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
				Map.Entry<String, JsonNode> operation = operations.next();
				probes.addAll(probes(document, operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
						operation.getValue()));
			}
		}
		assertThat(probes).hasSizeGreaterThan(500);
		Map<String, Long> before = rowCounts();
		List<String> wrong = new ArrayList<>();
		for (Probe probe : probes) {
			Answer answer = send(probe.request());
			if (probe.name().startsWith("GET /api/automations/{key} ")) {
			}
			boolean problem = answer.status() >= 400 && answer.status() < 500
					&& answer.contentType().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			if (!problem) {
				wrong.add(probe.name() + " -> " + answer.status() + " " + answer.contentType() + " "
						+ answer.body().substring(0, Math.min(200, answer.body().length())));
			}
			else if (probe.field() != null
					&& !probe.field().equalsIgnoreCase(JSON.readTree(answer.body()).path("field").asText())) {
				wrong.add(probe.name() + " -> field " + JSON.readTree(answer.body()).path("field") + ", not "
						+ probe.field());
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void requestsOfTheSweepWhenNulOrLoneSurrogateThenBadRequestNamingTheField() throws Exception {
		Answer run = send(request("POST", "/api/runs", List.of(), bytes("{\"processId\":\"a\\u0000b\"}")));
		assertThat(run.status()).isEqualTo(400);
		assertThat(JSON.readTree(run.body()).path("field").asText()).isEqualTo("processId");
		Answer search = send(request("GET", "/api/automations?q=a%00b", List.of(), null));
		assertThat(search.status()).isEqualTo(400);
		assertThat(JSON.readTree(search.body()).path("field").asText()).isEqualTo("q");
		Answer rule = send(
				request("POST", "/api/automations", List.of(), bytes("{\"key\":\"lone\",\"name\":\"\\ud800\"}")));
		assertThat(rule.status()).isEqualTo(400);
		assertThat(JSON.readTree(rule.body()).path("field").asText()).isEqualTo("name");
		Answer unknown = send(request("POST", "/api/api-keys", List.of(),
				bytes("{\"name\":\"x\",\"permissions\":[\"runs:read\"],\"zz\":\"\\u0000\"}")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(JSON.readTree(unknown.body()).path("field").asText()).isEqualTo("zz");
	}

	@Test
	void deleteWhenPathHoldsAnEncodedSemicolonThenProblem() throws Exception {
		Answer answer = send(request("DELETE", "/api/automations/%27%3B--", List.of(), null));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void bodyWhenOverlongUtf8ThenRefusedNotStoredAsSlash() throws Exception {
		long before = rowCounts().get("automation");
		Answer answer = send(request("POST", "/api/automations", List.of(),
				bytes("{\"key\":\"overlong\",\"name\":\"a", OVERLONG_SLASH, "b\"}")));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(JSON.readTree(answer.body()).path("field").asText()).isEqualTo("name");
		assertThat(rowCounts().get("automation")).isEqualTo(before);
	}

	/** The bad requests of one operation, with a well-formed rest. */
	private List<Probe> probes(JsonNode document, String method, String template, JsonNode operation) {
		String path = template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
		String query = null;
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("in").asText().equals("query")) {
				query = parameter.path("name").asText();
				break;
			}
		}
		String parameter = (query != null) ? query : "q";
		String name = method + " " + template;
		List<Probe> probes = new ArrayList<>();
		probes.add(new Probe(name + " NUL in query",
				request(method, path + "?" + parameter + "=a%00b", List.of(), null), parameter));
		probes.add(new Probe(name + " lone surrogate in query",
				request(method, path + "?" + parameter + "=a%ED%A0%80b", List.of(), null), parameter));
		probes.add(new Probe(name + " overlong UTF-8 in query",
				request(method, path + "?" + parameter + "=a%C0%AFb", List.of(), null), parameter));
		probes.add(new Probe(name + " bad percent-encoding in query",
				request(method, path + "?" + parameter + "=a%zzb", List.of(), null), parameter));
		probes.add(new Probe(name + " bad percent-encoding in path", request(method, path + "/a%zzb", List.of(), null),
				null));
		probes.add(new Probe(name + " NUL in path", request(method, path + "/a%00b", List.of(), null), null));
		probes.add(new Probe(name + " encoded slash in path", request(method, path + "/a%2Fb", List.of(), null), null));
		probes.add(new Probe(name + " lone surrogate in path", request(method, path + "/a%ED%A0%80b", List.of(), null),
				null));
		probes.add(new Probe(name + " huge header",
				request(method, path, List.of("Idempotency-Key: " + "k".repeat(10_000)), null), null));
		probes.add(new Probe(name + " very long query",
				request(method, path + "?" + parameter + "=" + "q".repeat(9_000), List.of(), null), null));
		probes.add(new Probe(name + " overlong UTF-8 in a header",
				request(method, path, List.of(), null, bytes("X-Request-Id: a", OVERLONG_SLASH, "b")), "X-Request-Id"));
		if (operation.has("requestBody")) {
			String field = firstStringField(document, operation);
			probes.add(new Probe(name + " NUL in " + field,
					request(method, path, List.of(), bytes("{\"" + field + "\":\"a\\u0000b\"}")), field));
			probes.add(new Probe(name + " lone surrogate in " + field,
					request(method, path, List.of(), bytes("{\"" + field + "\":\"a\\ud800b\"}")), field));
			probes.add(new Probe(name + " overlong UTF-8 in " + field,
					request(method, path, List.of(), bytes("{\"" + field + "\":\"a", OVERLONG_SLASH, "b\"}")), field));
			probes.add(new Probe(name + " NUL in an unknown field",
					request(method, path, List.of(), bytes("{\"zz\":\"\\u0000\"}")), "zz"));
			probes.add(new Probe(name + " NUL in a nested field",
					request(method, path, List.of(), bytes("{\"zz\":[{\"deep\":\"\\u0000\"}]}")), "zz[0].deep"));
		}
		return probes;
	}

	/**
	 * A string field of the operation's JSON body, as its schema declares it, or
	 * {@code name}.
	 */
	private static String firstStringField(JsonNode document, JsonNode operation) {
		JsonNode schema = operation.at("/requestBody/content").elements().hasNext()
				? operation.at("/requestBody/content").elements().next().path("schema") : JSON.missingNode();
		if (schema.has("$ref")) {
			schema = document.at(schema.get("$ref").asText().substring(1));
		}
		for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties
			.hasNext();) {
			Map.Entry<String, JsonNode> property = properties.next();
			if (property.getValue().path("type").asText().equals("string")) {
				return property.getKey();
			}
		}
		return "name";
	}

	private byte[] request(String method, String target, List<String> headers, byte[] body, byte[]... rawHeaders) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		head.append("Connection: close\r\n");
		head.append("X-API-Key: ").append(this.apiKey).append("\r\n");
		head.append("Accept: application/json\r\n");
		headers.forEach((header) -> head.append(header).append("\r\n"));
		if (body != null) {
			head.append("Content-Type: application/json\r\n");
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		for (byte[] raw : rawHeaders) {
			out.writeBytes(raw);
			out.writeBytes(new byte[] { '\r', '\n' });
		}
		out.writeBytes(new byte[] { '\r', '\n' });
		if (body != null) {
			out.writeBytes(body);
		}
		return out.toByteArray();
	}

	private Answer send(byte[] request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = response.indexOf("\r\n\r\n");
			String head = (end >= 0) ? response.substring(0, end) : response;
			String body = (end >= 0) ? response.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String contentType = "";
			boolean chunked = false;
			for (String line : lines) {
				String lower = line.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-type:")) {
					contentType = line.substring(13).trim();
				}
				if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
			}
			return new Answer(status, contentType, chunked ? unchunk(body) : body);
		}
	}

	private static String unchunk(String body) {
		StringBuilder text = new StringBuilder();
		int at = 0;
		while (at < body.length()) {
			int line = body.indexOf("\r\n", at);
			if (line < 0) {
				break;
			}
			int size = Integer.parseInt(body.substring(at, line).trim(), 16);
			if (size == 0) {
				break;
			}
			text.append(body, line + 2, Math.min(body.length(), line + 2 + size));
			at = line + 2 + size + 2;
		}
		return text.toString();
	}

	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			out.writeBytes((part instanceof byte[] raw) ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	/**
	 * Rows of every table of Brain's schema, read as the superuser (past row-level
	 * security).
	 */
	private static Map<String, Long> rowCounts() throws Exception {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection superuser = DriverManager.getConnection(databaseUrl(), EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("select tablename from pg_tables where schemaname = 'public' order by tablename")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("select count(*) from \"" + table + "\"")) {
					rs.next();
					counts.put(table, rs.getLong(1));
				}
			}
		}
		return counts;
	}

	private record Probe(String name, byte[] request, String field) {
	}

	private record Answer(int status, String contentType, String body) {
	}

}
