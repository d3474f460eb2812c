package io.brain.infra.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The Helm chart (infra/deploy/helm/brain), rendered by Helm's own template engine: the
 * api and the workers with their probes, secrets only by reference, and the engine
 * choice.
 */
class HelmChartTests {

	private static final Path CHART = DeployFiles.DEPLOY.resolve("helm/brain");

	private static final YAMLMapper YAML = new YAMLMapper();

	private static List<JsonNode> render(UnaryOperator<TemplateCommand> values) {
		String manifests = values.apply(new Helm(CHART).template().withName("brain").withNamespace("brain")).call();
		List<JsonNode> documents = new ArrayList<>();
		try (var parser = YAML.readValues(YAML.createParser(manifests), JsonNode.class)) {
			while (parser.hasNextValue()) {
				JsonNode document = parser.nextValue();
				if (document != null && !document.isEmpty()) {
					documents.add(document);
				}
			}
		}
		return documents;
	}

	private static List<JsonNode> renderDefaults() {
		return render(UnaryOperator.identity());
	}

	private static JsonNode find(List<JsonNode> documents, String kind, String name) {
		return documents.stream()
			.filter((document) -> document.get("kind").asString().equals(kind)
					&& document.get("metadata").get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + documents));
	}

	private static JsonNode container(JsonNode deployment) {
		return deployment.get("spec").get("template").get("spec").get("containers").get(0);
	}

	private static Map<String, JsonNode> env(JsonNode container) {
		Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
		container.get("env").forEach((variable) -> env.put(variable.get("name").asString(), variable));
		return env;
	}

	@Test
	void chartWhenRenderedWithDefaultValuesThenHasTheApiAndTheWorkersAndNoSecret() {
		List<JsonNode> documents = renderDefaults();

		assertThat(documents).extracting(
				(document) -> document.get("kind").asString() + "/" + document.get("metadata").get("name").asString())
			.containsExactlyInAnyOrder("ConfigMap/brain", "Service/brain-api", "Service/brain-workers",
					"Deployment/brain-api", "Deployment/brain-workers", "Ingress/brain",
					"PodDisruptionBudget/brain-api");
	}

	@Test
	void apiRunsTwoReplicasWithTheOpenEngineAndProbesTheActuator() {
		List<JsonNode> documents = renderDefaults();
		JsonNode api = find(documents, "Deployment", "brain-api");
		JsonNode container = container(api);

		assertThat(api.get("spec").get("replicas").asInt()).isEqualTo(2);
		assertThat(find(documents, "Deployment", "brain-workers").get("spec").get("replicas").asInt()).isEqualTo(2);
		assertThat(find(documents, "ConfigMap", "brain").get("data").get("BRAIN_ENGINE_TYPE").asString())
			.isEqualTo("operaton");
		assertThat(find(documents, "ConfigMap", "brain").get("data").has("ZEEBE_ADDRESS")).isFalse();
		assertThat(container.get("image").asString()).isEqualTo("brain/api:0.1.0-SNAPSHOT");
		assertThat(container.get("readinessProbe").get("httpGet").get("path").asString())
			.isEqualTo("/actuator/health/readiness");
		assertThat(container.get("livenessProbe").get("httpGet").get("path").asString())
			.isEqualTo("/actuator/health/liveness");
		assertThat(container.get("readinessProbe").get("httpGet").get("port").asString()).isEqualTo("management");
		assertThat(container.get("ports").toString()).contains("8080").contains("8082");
		assertThat(find(documents, "Ingress", "brain").get("spec").get("rules").get(0).get("host").asString())
			.isEqualTo("brain.example.com");
	}

	@Test
	void podsRunAsNonRootOnAReadOnlyFileSystem() {
		List<JsonNode> documents = renderDefaults();

		for (String name : List.of("brain-api", "brain-workers")) {
			JsonNode deployment = find(documents, "Deployment", name);
			JsonNode pod = deployment.get("spec").get("template").get("spec");
			assertThat(pod.get("securityContext").get("runAsNonRoot").asBoolean()).as(name).isTrue();
			assertThat(container(deployment).get("securityContext").get("readOnlyRootFilesystem").asBoolean()).as(name)
				.isTrue();
		}
	}

	@Test
	void secretsComeOnlyByReferenceToTheExistingSecret() {
		List<JsonNode> documents = renderDefaults();

		assertThat(documents).noneMatch((document) -> document.get("kind").asString().equals("Secret"));
		find(documents, "ConfigMap", "brain").get("data")
			.propertyNames()
			.forEach((name) -> assertThat(name).doesNotMatch(DeployFiles.SECRET_NAME));
		for (String name : List.of("brain-api", "brain-workers")) {
			Map<String, JsonNode> env = env(container(find(documents, "Deployment", name)));
			env.forEach((variable, definition) -> {
				if (DeployFiles.SECRET_NAME.matcher(variable).matches()) {
					assertThat(definition.has("value")).as("%s of %s", variable, name).isFalse();
					assertThat(definition.get("valueFrom").get("secretKeyRef").get("name").asString())
						.as("%s of %s", variable, name)
						.isEqualTo("brain");
				}
			});
			assertThat(env).containsKeys("BRAIN_DB_PASSWORD", "BRAIN_MASTER_KEY").doesNotContainKey("VAULT_TOKEN");
		}
	}

	@Test
	void chartWithVaultTakesItsCredentialsFromTheSecretAndNoMasterKey() {
		List<JsonNode> documents = render((template) -> template.set("vault.address", "https://vault.example.com"));

		Map<String, JsonNode> env = env(container(find(documents, "Deployment", "brain-workers")));
		assertThat(env).containsKeys("VAULT_TOKEN", "VAULT_ROLE_ID", "VAULT_SECRET_ID")
			.doesNotContainKey("BRAIN_MASTER_KEY");
		assertThat(find(documents, "ConfigMap", "brain").get("data").get("VAULT_ADDR").asString())
			.isEqualTo("https://vault.example.com");
	}

	@Test
	void chartWithACamunda8ClusterGivesItsAddressToTheApiAndTheWorkers() {
		List<JsonNode> documents = render((template) -> template.set("engine.type", "zeebe")
			.set("engine.zeebe.address", "gateway.example.com:26500")
			.set("engine.zeebe.restAddress", "https://gateway.example.com"));

		JsonNode config = find(documents, "ConfigMap", "brain").get("data");
		assertThat(config.get("BRAIN_ENGINE_TYPE").asString()).isEqualTo("zeebe");
		assertThat(config.get("ZEEBE_ADDRESS").asString()).isEqualTo("gateway.example.com:26500");
		assertThat(config.get("ZEEBE_REST_ADDRESS").asString()).isEqualTo("https://gateway.example.com");
		for (String name : List.of("brain-api", "brain-workers")) {
			assertThat(container(find(documents, "Deployment", name)).get("envFrom").toString()).as(name)
				.contains("\"brain\"");
		}
	}

	@Test
	void chartRefusesACamunda8ClusterWithoutAnAddressAndAnUnknownEngine() {
		assertThatException().isThrownBy(() -> render((template) -> template.set("engine.type", "zeebe")))
			.withMessageContaining("engine.zeebe.address");
		assertThatException().isThrownBy(() -> render((template) -> template.set("engine.type", "flowable")))
			.withMessageContaining("engine.type must be operaton or zeebe");
	}

	@Test
	void chartWithNetworkPoliciesOpensTheApiAndLetsOnlyTheGivenPeersReachTheManagementPorts() {
		List<JsonNode> documents = render((template) -> template.set("networkPolicy.enabled", true)
			.set("networkPolicy.managementFrom[0].namespaceSelector.matchLabels.team", "monitoring"));

		JsonNode api = find(documents, "NetworkPolicy", "brain-api").get("spec");
		assertThat(api.get("podSelector").get("matchLabels").get("app.kubernetes.io/component").asString())
			.isEqualTo("api");
		assertThat(api.get("ingress").get(0).has("from")).isFalse();
		assertThat(api.get("ingress").get(0).get("ports").get(0).get("port").asString()).isEqualTo("http");
		assertThat(api.get("ingress").get(1).get("from").toString()).contains("monitoring");
		assertThat(api.get("ingress").get(1).get("ports").get(0).get("port").asString()).isEqualTo("management");
		JsonNode workers = find(documents, "NetworkPolicy", "brain-workers").get("spec");
		assertThat(workers.get("ingress")).hasSize(1);
		assertThat(workers.get("ingress").get(0).get("ports").get(0).get("port").asString()).isEqualTo("management");
	}

	@Test
	void everyVariableGivenToTheApiAndTheWorkersIsOneTheyRead() {
		List<JsonNode> documents = render((template) -> template.set("engine.type", "zeebe")
			.set("engine.zeebe.address", "gateway.example.com:26500")
			.set("engine.zeebe.restAddress", "https://gateway.example.com")
			.set("vault.address", "https://vault.example.com"));
		java.util.Set<String> read = DeployFiles.variablesTheApplicationsRead();

		assertThat(find(documents, "ConfigMap", "brain").get("data").propertyNames()).isSubsetOf(read);
		for (String name : List.of("brain-api", "brain-workers")) {
			assertThat(env(container(find(documents, "Deployment", name))).keySet()).as(name).isSubsetOf(read);
		}
	}

}
