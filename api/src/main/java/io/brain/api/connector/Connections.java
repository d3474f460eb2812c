package io.brain.api.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.regex.PatternSyntaxException;

import io.brain.api.connector.ConnectionRepository.StoredConnection;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.problem.Paging;
import io.brain.core.connection.ConnectionSecrets;
import io.brain.core.secret.SecretFieldNames;
import io.brain.core.secret.SecretRef;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's named connections to providers: validated against their connector type's
 * fields, non-secret values in PostgreSQL, secret values in the secret store and never
 * returned.
 */
@Service
public class Connections {

	private final ConnectorTypes types;

	private final ConnectionRepository repository;

	private final SecretStore secrets;

	private final ConnectionProbe probe;

	private final SyncedRecordReader records;

	Connections(ConnectorTypes types, ConnectionRepository repository, SecretStore secrets, ConnectionProbe probe,
			SyncedRecordReader records) {
		this.types = types;
		this.repository = repository;
		this.secrets = secrets;
		this.probe = probe;
		this.records = records;
	}

	/**
	 * The records a connection's syncs stored for one resource, searched by title and
	 * paged.
	 */
	public RecordPage records(CurrentUser user, UUID id, String resource, String query, int page, int size) {
		TenantId tenant = user.tenant();
		StoredConnection stored = stored(tenant, id);
		ConnectorType type = typeOf(stored.type());
		if (!type.syncResources().contains(resource)) {
			throw BrainProblem.badInput("resource", type.name() + " has no resource '" + resource + "'.");
		}
		Paging.check(page, size);
		return this.records.find(tenant.value(), id, List.of(type.type()), List.of(resource), query, page, size);
	}

	/**
	 * Records of some resources synced through every connection of some connector types,
	 * for the client portal.
	 */
	public RecordPage portal(CurrentUser user, List<String> types, List<String> resources, String query, int page,
			int size) {
		Paging.check(page, size);
		return this.records.find(user.tenant().value(), null, types, resources, query, page, size);
	}

	/**
	 * Fetches every record of one resource of a connection from the provider into Brain.
	 * @return the sync's counts
	 */
	public SyncSummary sync(CurrentUser user, UUID id, String resource, boolean full) {
		TenantId tenant = user.tenant();
		StoredConnection stored = stored(tenant, id);
		ConnectorType type = typeOf(stored.type());
		if (!type.syncResources().contains(resource)) {
			throw BrainProblem.badInput("resource", type.name() + " has no resource '" + resource + "'; it syncs "
					+ (type.syncResources().isEmpty() ? "nothing" : String.join(", ", type.syncResources())) + ".");
		}
		Map<String, Object> result = this.probe.sync(user, type, id, resource, full);
		return new SyncSummary(resource, number(result, "fetched"), number(result, "created"),
				number(result, "updated"), number(result, "removed"));
	}

	private static int number(Map<String, Object> result, String key) {
		return (result.get(key) instanceof Number value) ? value.intValue() : 0;
	}

	/**
	 * Tests a connection's credentials with the provider and records the outcome: OK, or
	 * NEEDS_ATTENTION with what the provider said; UNTESTED with the reason when the test
	 * never reached the provider (an address the SSRF rules refuse).
	 */
	public Connection test(CurrentUser user, UUID id) {
		TenantId tenant = user.tenant();
		StoredConnection stored = stored(tenant, id);
		ConnectorType type = typeOf(stored.type());
		if (type.testOperation() == null || type.actions().isEmpty()) {
			throw BrainProblem.badInput("type", type.name() + " connections have nothing to test.");
		}
		ConnectionProbe.Outcome outcome = this.probe.test(user, type, id);
		this.repository.updateStatus(tenant.value(), id,
				outcome.ok() ? "OK" : (outcome.checked() ? "NEEDS_ATTENTION" : "UNTESTED"), outcome.message());
		return get(user, id);
	}

	@Transactional
	public Connection create(CurrentUser user, ConnectionRequest request, Set<String> queryParameters) {
		TenantId tenant = user.tenant();
		ConnectorType type = typeOf(request.type());
		refuseSecretsInQuery(type, queryParameters);
		Validated validated = validate(type, request.config(), Set.of());
		UUID id = UUID.randomUUID();
		if (!this.repository.insert(tenant.value(), id, type.type(), request.name(), validated.values(),
				user.username())) {
			throw new BrainProblem(HttpStatus.CONFLICT, "name", "A connection named '" + request.name() + "' exists.");
		}
		validated.secrets()
			.forEach((field, value) -> this.secrets.put(ConnectionSecrets.ref(tenant, id, field), value));
		return get(user, id);
	}

	@Transactional
	public Connection update(CurrentUser user, UUID id, ConnectionRequest request, Set<String> queryParameters) {
		TenantId tenant = user.tenant();
		StoredConnection stored = stored(tenant, id);
		ConnectorType type = typeOf(request.type());
		refuseSecretsInQuery(type, queryParameters);
		if (!type.type().equals(stored.type())) {
			throw BrainProblem.badInput("type", "A connection's type cannot change; create a new connection.");
		}
		Set<String> alreadySet = new java.util.HashSet<>();
		type.fields()
			.stream()
			.filter(ConnectorType.Field::isSecret)
			.filter((field) -> this.secrets.exists(ConnectionSecrets.ref(tenant, id, field.name())))
			.forEach((field) -> alreadySet.add(field.name()));
		Validated validated = validate(type, request.config(), alreadySet);
		if (this.repository.nameTakenByOther(tenant.value(), request.name(), id)) {
			throw new BrainProblem(HttpStatus.CONFLICT, "name", "A connection named '" + request.name() + "' exists.");
		}
		this.repository.update(tenant.value(), id, request.name(), validated.values());
		validated.secrets()
			.forEach((field, value) -> this.secrets.put(ConnectionSecrets.ref(tenant, id, field), value));
		return get(user, id);
	}

	public Connection get(CurrentUser user, UUID id) {
		TenantId tenant = user.tenant();
		StoredConnection stored = stored(tenant, id);
		return view(stored, (field) -> this.secrets.exists(ConnectionSecrets.ref(tenant, id, field)));
	}

	public List<Connection> list(CurrentUser user) {
		TenantId tenant = user.tenant();
		// One look at the secret store for the whole list, not one per secret field.
		Set<String> stored = this.secrets.list(tenant.value())
			.stream()
			.map(SecretRef::name)
			.collect(Collectors.toSet());
		return this.repository.list(tenant.value())
			.stream()
			.map((connection) -> view(connection,
					(field) -> stored.contains(ConnectionSecrets.ref(tenant, connection.id(), field).name())))
			.toList();
	}

	@Transactional
	public void delete(CurrentUser user, UUID id) {
		TenantId tenant = user.tenant();
		StoredConnection stored = stored(tenant, id);
		typeOf(stored.type()).fields()
			.stream()
			.filter(ConnectorType.Field::isSecret)
			.map((field) -> ConnectionSecrets.ref(tenant, id, field.name()))
			.filter(this.secrets::exists)
			.forEach(this.secrets::delete);
		this.repository.delete(tenant.value(), id);
	}

	/**
	 * The connector type of a tenant's connection with a name, if the tenant has one:
	 * what an automation's steps may name.
	 */
	public Optional<String> typeOfNamed(TenantId tenant, String name) {
		return this.repository.typeOfNamed(tenant.value(), name);
	}

	private Connection view(StoredConnection stored, Predicate<String> secretIsSet) {
		Map<String, Boolean> secretsSet = new LinkedHashMap<>();
		this.types.find(stored.type())
			.ifPresent((type) -> type.fields()
				.stream()
				.filter(ConnectorType.Field::isSecret)
				.forEach((field) -> secretsSet.put(field.name(), secretIsSet.test(field.name()))));
		return new Connection(stored.id(), stored.type(), stored.name(), stored.config(), secretsSet, stored.status(),
				stored.statusMessage(), stored.createdBy(), stored.createdAt(), stored.updatedAt());
	}

	private StoredConnection stored(TenantId tenant, UUID id) {
		return this.repository.find(tenant.value(), id)
			.orElseThrow(() -> BrainProblem.notFound("No connection " + id + "."));
	}

	private ConnectorType typeOf(String type) {
		return this.types.find(type)
			.orElseThrow(() -> BrainProblem.badInput("type", "Unknown connector type '" + type + "'."));
	}

	/** Secrets in a URL end up in access logs and browser history: refused outright. */
	private static void refuseSecretsInQuery(ConnectorType type, Set<String> queryParameters) {
		for (String parameter : queryParameters) {
			boolean secretField = type.fields()
				.stream()
				.anyMatch((field) -> field.isSecret() && field.name().equalsIgnoreCase(parameter));
			if (secretField || SecretFieldNames.looksSecret(parameter)) {
				throw BrainProblem.badInput(parameter,
						"Secrets go in the request body, never in the URL: remove '" + parameter + "' from the query.");
			}
		}
	}

	private static Validated validate(ConnectorType type, Map<String, Object> config, Set<String> secretsAlreadySet) {
		List<Map<String, String>> errors = new ArrayList<>();
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, String> secretValues = new LinkedHashMap<>();
		Set<String> known = new java.util.HashSet<>();
		for (ConnectorType.Field field : type.fields()) {
			known.add(field.name());
			Object value = config.get(field.name());
			boolean blank = value == null || (value instanceof String text && text.isBlank());
			if (blank) {
				if (field.required() && !(field.isSecret() && secretsAlreadySet.contains(field.name()))) {
					errors.add(error(field.name(), field.label() + " is required."));
				}
				continue;
			}
			String problem = check(field, value);
			if (problem != null) {
				errors.add(error(field.name(), problem));
			}
			else if (field.isSecret()) {
				secretValues.put(field.name(), value.toString());
			}
			else {
				values.put(field.name(), value);
			}
		}
		for (String key : config.keySet()) {
			if (!known.contains(key)) {
				errors.add(error(key, "'" + key + "' is not a field of " + type.name() + "."));
			}
		}
		if (!errors.isEmpty()) {
			throw BrainProblem.invalidFields("The connection has invalid fields: "
					+ String.join(" ", errors.stream().map((e) -> e.get("message")).toList()), errors);
		}
		return new Validated(values, secretValues);
	}

	private static String check(ConnectorType.Field field, Object value) {
		switch (field.kind()) {
			case "NUMBER" -> {
				if (!(value instanceof Number)) {
					return field.label() + " must be a number.";
				}
			}
			case "BOOLEAN" -> {
				if (!(value instanceof Boolean)) {
					return field.label() + " must be true or false.";
				}
			}
			default -> {
				if (!(value instanceof String text)) {
					return field.label() + " must be text.";
				}
				if ("URL".equals(field.kind()) && !isHttpUrl(text)) {
					return field.label() + " must be an http or https address, such as https://example.com.";
				}
				if ("SELECT".equals(field.kind()) && !field.options().contains(text)) {
					return field.label() + " must be one of " + String.join(", ", field.options()) + ".";
				}
				if (field.pattern() != null && !matches(field.pattern(), text)) {
					return field.label() + " has the wrong format.";
				}
			}
		}
		return null;
	}

	private static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawQuery() == null && uri.getUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean matches(String pattern, String text) {
		try {
			return Pattern.matches(pattern, text);
		}
		catch (PatternSyntaxException ex) {
			return false;
		}
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", "config." + field, "message", message);
	}

	private record Validated(Map<String, Object> values, Map<String, String> secrets) {

		@Override
		public String toString() {
			return "Validated[" + this.values.keySet() + ", secrets " + this.secrets.keySet() + "]";
		}

	}

}
