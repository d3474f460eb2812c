package io.brain.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.infra.launcher.PlatformSettings;

/**
 * Measures webhooks on the platform {@code ./brain up} started
 * ({@code infra/bench/webhooks.sh} starts it and runs this): the ingest rate and latency
 * to the 2xx of signed webhooks at a fixed arrival rate; the end-to-end rate from webhook
 * to completed run of a one-step automation (an HTTP request to a local server answering
 * at once, and one answering after 100 ms); and, as the reference, the same deployed
 * automation started through the engine's own API on the platform's database
 * ({@link EngineStarts}), without the webhook inbox, the dispatcher and Brain's run
 * record. A {@code main}, not a test: the build never runs it.
 * <p>
 * Everything is set up through the public API as a demo editor: the automation, its
 * deployment and a GitHub webhook listener. The reference starts runs of the very process
 * the automation deployed, so the same engine, job executor, workers and connector code
 * run; only the start differs.
 */
public final class WebhookBenchmark implements AutoCloseable {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration SLOW_ANSWER = Duration.ofMillis(100);

	private final PlatformSettings settings;

	private final Options options;

	private final String apiUrl;

	/** Setup and the platform's counters. */
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** The webhooks themselves. */
	private final WebhookSender sender;

	private final ObjectMapper json = new ObjectMapper();

	private final CallTarget target = CallTarget.start();

	/** A provider that answers each call after 100 ms, for the slow end-to-end rounds. */
	private final CallTarget slowTarget = CallTarget.start(SLOW_ANSWER);

	/** The reference's starts, through the engine's own API. */
	private EngineStarts engineStarts;

	/** The tenant the benchmark's user works in. */
	private String tenant;

	/** The editor's token, fetched again before it expires. */
	private String token;

	private long tokenAt;

	private final CpuMeter cpu;

	/** Sets this run's event ids apart from any earlier run's. */
	private final String nonce = Long.toString(System.currentTimeMillis(), 36);

	private final String secret = "bench-secret-" + this.nonce + "-0123456789";

	private String automationKey;

	private URI hook;

	private String listenerId;

	/** A listener of the same automation that takes no event, so it starts no run. */
	private URI ingestOnlyHook;

	/** The same automation, calling the slow target. */
	private String slowKey;

	private URI slowHook;

	private WebhookBenchmark(PlatformSettings settings, Options options) {
		this.settings = settings;
		this.options = options;
		this.apiUrl = "http://127.0.0.1:" + settings.ports().api();
		this.sender = new WebhookSender(URI.create(this.apiUrl), (int) REQUEST_TIMEOUT.toMillis());
		this.cpu = CpuMeter.of(settings.home());
	}

	public static void main(String[] args) {
		Path project = Path.of(System.getProperty("brain.project.directory", ".")).toAbsolutePath().normalize();
		PlatformSettings settings = PlatformSettings.fromEnvironment(project, System.getenv());
		Options options = Options.of(args, System.getenv());
		int exit = 0;
		try (WebhookBenchmark benchmark = new WebhookBenchmark(settings, options)) {
			benchmark.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			exit = 1;
		}
		// The HTTP client's threads would keep the JVM alive.
		System.exit(exit);
	}

	private void run() throws InterruptedException {
		log("settings: %.0f webhooks/s in phase 1 after %d warm-up, %d webhook senders in phase 2, %d creates in "
				+ "flight in phase 3; connector quota %s calls a minute, %s at once", this.options.rate(),
				this.options.warmup(), this.options.senders(), this.options.inFlight(),
				System.getenv().getOrDefault("BRAIN_CONNECTORS_LIMITS_CALLSPERMINUTE", "600"),
				System.getenv().getOrDefault("BRAIN_CONNECTORS_LIMITS_CONCURRENTCALLS", "10"));
		log("setting up through the api at %s as %s (target %s)", this.apiUrl, this.options.user(), this.target.url());
		setUp();
		this.engineStarts = new EngineStarts(databaseUrl(), System.getenv().getOrDefault("BRAIN_DB_USER", "brain_app"),
				this.options.inFlight());
		log("the local targets alone, %d calls %d at a time (they must not be the bottleneck):",
				this.options.runs() * 2, this.options.inFlight());
		double targetAlone = alone(this.target, "alone", this.options.runs() * 2);
		double slowTargetAlone = alone(this.slowTarget, "alone", this.options.runs() * 2);
		log("  answering at once: %.0f calls/s; answering after %d ms: %.0f calls/s", targetAlone,
				SLOW_ANSWER.toMillis(), slowTargetAlone);
		Completions completions = new Completions(
				() -> api(token(), "GET", "/api/runs?state=COMPLETED&size=1&automation=" + this.automationKey, null));
		long completedBefore = completions.count();
		Map<String, Duration> cpuBefore = this.cpu.sample();

		log("phase 0, ingest only: %d warm-up, then %d signed webhooks at %.0f/s to a listener that starts "
				+ "no run (answered 200, stored as IGNORED)", this.options.warmup(), this.options.ingestRequests(),
				this.options.rate());
		Ingest aloneWarmup = warmUp("alone-warm", this.options.warmup(), this.ingestOnlyHook, 200);
		log("  warm-up: %s", aloneWarmup.summary());
		Ingest alone = ingest("alone", this.options.ingestRequests(), this.ingestOnlyHook, 200);
		log("  measured: %s", alone.summary());
		Map<String, Duration> cpuAfterAlone = this.cpu.sample();
		Map<String, Double> aloneCpu = CpuMeter.perUnit(cpuBefore, cpuAfterAlone,
				this.options.warmup() + this.options.ingestRequests());
		cpuBefore = cpuAfterAlone;

		log("phase 1, ingest: %d warm-up, then %d signed webhooks at %.0f/s, each starting a run",
				this.options.warmup(), this.options.ingestRequests(), this.options.rate());
		Ingest warmup = warmUp("warm", this.options.warmup(), this.hook, 202);
		log("  warm-up: %s", warmup.summary());
		Ingest ingest = ingest("ingest", this.options.ingestRequests(), this.hook, 202);
		log("  measured: %s", ingest.summary());
		// Every round after starts with the runs of the ones before completed.
		Drained drained = drain(completedBefore, completions,
				timeoutFor(this.options.warmup() + this.options.ingestRequests()));
		double drainSeconds = (drained.at() > 0) ? seconds(drained.at() - ingest.lastAnswerAt()) : Double.NaN;
		log("  %d webhooks stored, %d runs started; all completed %s after the last webhook was answered",
				drained.stored(), drained.dispatched(),
				(drained.at() > 0) ? format("%.1f s", drainSeconds) : "NOT (timed out)");
		Map<String, Double> ingestCpu = CpuMeter.perUnit(cpuBefore, this.cpu.sample(), drained.stored());

		log("phase 2 and 3: %d runs per round, %d rounds, end-to-end and reference alternated", this.options.runs(),
				this.options.rounds());
		reference("ref-warm", Math.min(200, this.options.runs()), completions);
		List<Round> endToEnd = new ArrayList<>();
		List<Round> reference = new ArrayList<>();
		for (int round = 1; round <= this.options.rounds(); round++) {
			Round e2e = endToEnd("e2e" + round, this.options.runs(), completions);
			log("  end-to-end %d: %s", round, e2e.summary());
			endToEnd.add(e2e);
			Round direct = reference("ref" + round, this.options.runs(), completions);
			log("  reference  %d: %s", round, direct.summary());
			reference.add(direct);
		}
		log("phase 4: %d runs per round, %d rounds, end-to-end against a target answering after %d ms",
				this.options.runs(), this.options.rounds(), SLOW_ANSWER.toMillis());
		Completions slowCompletions = new Completions(
				() -> api(token(), "GET", "/api/runs?state=COMPLETED&size=1&automation=" + this.slowKey, null));
		List<Round> slow = new ArrayList<>();
		for (int round = 1; round <= this.options.rounds(); round++) {
			Round e2e = endToEnd("slow" + round, this.options.runs(), slowCompletions, this.slowHook, this.slowTarget);
			log("  end-to-end, slow target %d: %s", round, e2e.summary());
			slow.add(e2e);
		}
		report(alone, aloneCpu, ingest, drainSeconds, drained, ingestCpu, endToEnd, reference, slow, targetAlone,
				slowTargetAlone);
	}

	/** The platform's database, as the api and the workers reach it. */
	private String databaseUrl() {
		return (this.settings.external().databaseUrl() != null) ? this.settings.external().databaseUrl()
				: "jdbc:postgresql://127.0.0.1:" + this.settings.ports().postgres() + "/brain";
	}

	/**
	 * A target's rate alone: {@code calls} posts from {@code inFlight} clients at once.
	 * @return calls answered per second
	 */
	private double alone(CallTarget target, String batch, int calls) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < this.options.inFlight(); c++) {
				clients.execute(() -> {
					for (int n = next.getAndIncrement(); n < calls; n = next.getAndIncrement()) {
						send(HttpRequest.newBuilder(URI.create(target.url()))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + batch + "-" + n + "\"}"))
							.build());
					}
				});
			}
		}
		return calls / seconds(System.nanoTime() - start);
	}

	// ---- setup through the public API

	private void setUp() {
		String token = token();
		this.automationKey = "bench-webhooks-" + this.nonce;
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("key", this.automationKey);
		automation.put("name", "Webhook benchmark " + this.nonce);
		automation.put("description", "Created by infra/bench/webhooks.sh: one HTTP request to a local server");
		automation.put("bpmnXml", bpmn(this.automationKey, this.target.url()));
		api(token, "POST", "/api/automations", automation);
		api(token, "POST", "/api/automations/" + this.automationKey + "/versions/1/deployment", null);
		JsonNode created = api(token, "POST", "/api/webhooks", Map.of("name", "Webhook benchmark " + this.nonce,
				"provider", "GITHUB", "automationKey", this.automationKey, "secret", this.secret));
		this.listenerId = created.path("listener").path("id").asText();
		this.hook = URI.create(this.apiUrl + URI.create(created.path("listener").path("url").asText()).getRawPath());
		JsonNode ingestOnly = api(token, "POST", "/api/webhooks",
				Map.of("name", "Webhook benchmark, ingest only " + this.nonce, "provider", "GITHUB", "automationKey",
						this.automationKey, "secret", this.secret, "eventTypes", List.of("bench-ingest-only")));
		this.ingestOnlyHook = URI
			.create(this.apiUrl + URI.create(ingestOnly.path("listener").path("url").asText()).getRawPath());
		log("  automation %s deployed, listener %s", this.automationKey, this.hook.getPath());
		this.slowKey = "bench-slow-" + this.nonce;
		automation.put("key", this.slowKey);
		automation.put("name", "Webhook benchmark, slow target " + this.nonce);
		automation.put("bpmnXml", bpmn(this.slowKey, this.slowTarget.url()));
		api(token, "POST", "/api/automations", automation);
		api(token, "POST", "/api/automations/" + this.slowKey + "/versions/1/deployment", null);
		JsonNode slow = api(token, "POST", "/api/webhooks", Map.of("name", "Webhook benchmark, slow " + this.nonce,
				"provider", "GITHUB", "automationKey", this.slowKey, "secret", this.secret));
		this.slowHook = URI.create(this.apiUrl + URI.create(slow.path("listener").path("url").asText()).getRawPath());
		this.tenant = api(token, "GET", "/api/me", null).path("tenantId").asText();
		log("  automation %s deployed, listener %s, tenant %s", this.slowKey, this.slowHook.getPath(), this.tenant);
	}

	/** Start, one HTTP request step with the webhook's payload as body, end. */
	public static String bpmn(String processId, String targetUrl) {
		return bpmn(processId, targetUrl, 3);
	}

	/**
	 * Start, one HTTP request step with the webhook's payload as body and so many
	 * attempts before an incident, end.
	 */
	public static String bpmn(String processId, String targetUrl, int retries) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				                  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
				                  id="bench-definitions" targetNamespace="https://brain.io/bench">
				  <bpmn:process id="%s" name="Webhook benchmark" isExecutable="true">
				    <bpmn:startEvent id="received">
				      <bpmn:outgoing>to-call</bpmn:outgoing>
				    </bpmn:startEvent>
				    <bpmn:serviceTask id="call" name="Call the target">
				      <bpmn:extensionElements>
				        <zeebe:taskDefinition type="io.brain:http-request:1" retries="%d" />
				        <zeebe:taskHeaders>
				          <zeebe:header key="operation" value="send" />
				        </zeebe:taskHeaders>
				        <zeebe:ioMapping>
				          <zeebe:input source="=&quot;POST&quot;" target="method" />
				          <zeebe:input source="=&quot;%s&quot;" target="url" />
				          <zeebe:input source="=webhook.payload" target="body" />
				        </zeebe:ioMapping>
				      </bpmn:extensionElements>
				      <bpmn:incoming>to-call</bpmn:incoming>
				      <bpmn:outgoing>to-done</bpmn:outgoing>
				    </bpmn:serviceTask>
				    <bpmn:endEvent id="done">
				      <bpmn:incoming>to-done</bpmn:incoming>
				    </bpmn:endEvent>
				    <bpmn:sequenceFlow id="to-call" sourceRef="received" targetRef="call" />
				    <bpmn:sequenceFlow id="to-done" sourceRef="call" targetRef="done" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(processId, retries, targetUrl);
	}

	/** The editor's token, fetched again a minute before it could expire. */
	private synchronized String token() {
		if (this.token == null || System.nanoTime() - this.tokenAt > TimeUnit.MINUTES.toNanos(4)) {
			this.token = newToken();
			this.tokenAt = System.nanoTime();
		}
		return this.token;
	}

	private String newToken() {
		String form = Map
			.of("grant_type", "password", "client_id", "brain-cli", "username", this.options.user(), "password",
					this.settings.demoPassword())
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create(this.settings.keycloakUrl() + "/realms/brain/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token for " + this.options.user() + ": " + response.body());
		}
		return read(response.body()).path("access_token").asText();
	}

	private JsonNode api(String token, String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.apiUrl + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(60));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = send(request
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(write(body))
							: HttpRequest.BodyPublishers.noBody())
			.build());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return read(response.body());
	}

	// ---- phase 1: ingest at a fixed arrival rate

	/**
	 * Sends signed webhooks on a fixed schedule, each on its own virtual thread, so a
	 * slow answer never delays the next send (open loop). A latency runs from the
	 * scheduled send time to the answer, so a late send counts against the platform
	 * rather than hiding.
	 */
	private Ingest ingest(String batch, int count, URI address, int expected) throws InterruptedException {
		return ingest(batch, count, address, expected, false);
	}

	/**
	 * A warm-up: as {@link #ingest(String, int, URI, int)}, but the rate climbs from a
	 * fifth of the measured one to all of it, so a platform that has just started
	 * compiles its hot paths under load instead of collapsing under a queue built while
	 * they were still interpreted.
	 */
	private Ingest warmUp(String batch, int count, URI address, int expected) throws InterruptedException {
		return ingest(batch, count, address, expected, true);
	}

	private Ingest ingest(String batch, int count, URI address, int expected, boolean ramp)
			throws InterruptedException {
		List<byte[]> requests = IntStream.range(0, count).mapToObj((n) -> signed(address, batch, n)).toList();
		long[] latency = new long[count];
		long[] lag = new long[count];
		long[] sentAt = new long[count];
		long[] answeredAt = new long[count];
		int[] status = new int[count];
		double offset = 0;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				long due = start + Math.round(offset);
				double rate = ramp ? this.options.rate() * (0.2 + 0.8 * i / count) : this.options.rate();
				offset += 1e9 / rate;
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				int n = i;
				senders.execute(() -> {
					sentAt[n] = System.nanoTime();
					lag[n] = sentAt[n] - due;
					try {
						status[n] = this.sender.send(requests.get(n));
					}
					catch (IOException ex) {
						status[n] = -1;
					}
					answeredAt[n] = System.nanoTime();
					latency[n] = answeredAt[n] - due;
				});
			}
		}
		return Ingest.of(sentAt, answeredAt, latency, lag, status, expected);
	}

	/** A GitHub-like event; its {@code id} is what the target counts. */
	private static String payload(String id, int n) {
		return """
				{"id":"%s","action":"opened","issue":{"number":%d,"title":"Benchmark issue %d",\
				"body":"A signed webhook sent by infra/bench/webhooks.sh","labels":[{"name":"bench"}]},\
				"repository":{"full_name":"brain/bench","private":true},"sender":{"login":"bench"}}""".formatted(id, n,
				n);
	}

	private byte[] signed(URI address, String batch, int n) {
		String id = batch + "-" + n;
		String body = payload(id, n);
		return this.sender.request(address.getRawPath(), Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery",
				this.nonce + "-" + id, "X-Hub-Signature-256", "sha256=" + hmac(body)), body);
	}

	private String hmac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- phases 2 and 3: end-to-end and reference rates

	/**
	 * Posts the runs' webhooks as fast as the api takes them ({@code senders} at a time)
	 * and times the first post to the last run completed.
	 */
	private Round endToEnd(String batch, int runs, Completions completions) throws InterruptedException {
		return endToEnd(batch, runs, completions, this.hook, this.target);
	}

	private Round endToEnd(String batch, int runs, Completions completions, URI hook, CallTarget called)
			throws InterruptedException {
		List<byte[]> requests = IntStream.range(0, runs).mapToObj((n) -> signed(hook, batch, n)).toList();
		long completedBefore = completions.count();
		Map<String, Duration> cpuBefore = this.cpu.sample();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int s = 0; s < this.options.senders(); s++) {
				senders.execute(() -> {
					for (int n = next.getAndIncrement(); n < runs; n = next.getAndIncrement()) {
						try {
							if (this.sender.send(requests.get(n)) != 202) {
								refused.incrementAndGet();
							}
						}
						catch (IOException ex) {
							refused.incrementAndGet();
						}
					}
				});
			}
		}
		long started = System.nanoTime();
		return finish(called, batch, runs - refused.get(), refused.get(), 0, start, started, completedBefore,
				completions, cpuBefore);
	}

	/**
	 * Starts the runs through the engine's own API ({@link EngineStarts}),
	 * {@code inFlight} at a time, and times the first start to the last run completed.
	 */
	private Round reference(String batch, int runs, Completions completions) throws InterruptedException {
		long completedBefore = completions.count();
		Map<String, Duration> cpuBefore = this.cpu.sample();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int s = 0; s < this.options.inFlight(); s++) {
				starters.execute(() -> {
					for (int n = next.getAndIncrement(); n < runs; n = next.getAndIncrement()) {
						String id = batch + "-" + n;
						try {
							this.engineStarts.start(this.tenant, this.automationKey,
									Map.of("webhook", variable(id, n)));
						}
						catch (RuntimeException ex) {
							log("  start %s failed: %s", id, ex.getMessage());
							failed.incrementAndGet();
						}
					}
				});
			}
		}
		long started = System.nanoTime();
		return finish(this.target, batch, runs - failed.get(), failed.get(), 0, start, started, completedBefore,
				completions, cpuBefore);
	}

	/** The variable the dispatcher hands a run, near enough. */
	private Map<String, Object> variable(String id, int n) {
		Map<String, Object> webhook = new LinkedHashMap<>();
		webhook.put("deliveryId", UUID.randomUUID().toString());
		webhook.put("listener", "Webhook benchmark " + this.nonce);
		webhook.put("provider", "GITHUB");
		webhook.put("event", "issues");
		webhook.put("eventId", this.nonce + "-" + id);
		webhook.put("receivedAt", Instant.now().toString());
		webhook.put("headers", Map.of("content-type", "application/json", "x-github-event", "issues",
				"x-github-delivery", this.nonce + "-" + id));
		webhook.put("payload", this.json.convertValue(read(payload(id, n)), Map.class));
		return webhook;
	}

	/**
	 * Waits until the started runs have called the target and the engine counts them
	 * completed.
	 */
	private Round finish(CallTarget called, String batch, int started, int refused, int retried, long start,
			long startedAt, long completedBefore, Completions completions, Map<String, Duration> cpuBefore)
			throws InterruptedException {
		long lastCall = called.awaitCount(batch, started, timeoutFor(started));
		if (lastCall < 0) {
			log("  %s: only %d of %d runs called the target within %s", batch, called.count(batch), started,
					timeoutFor(started));
			return new Round(started, refused, retried, seconds(startedAt - start), Double.NaN, Double.NaN,
					CpuMeter.perUnit(cpuBefore, this.cpu.sample(), started));
		}
		long completed = completions.await(completedBefore + started, Duration.ofSeconds(30));
		return new Round(started, refused, retried, seconds(startedAt - start), seconds(lastCall - start),
				(completed > 0) ? seconds(completed - start) : Double.NaN,
				CpuMeter.perUnit(cpuBefore, this.cpu.sample(), started));
	}

	/**
	 * Waits until the listener has no delivery left to dispatch (webhooks whose answer
	 * timed out may be stored all the same) and the engine has completed every run they
	 * started.
	 */
	private Drained drain(long completedBefore, Completions completions, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String token = token();
		while (deliveries(token, "RECEIVED") > 0) {
			if (System.nanoTime() > deadline) {
				log("  webhooks still waiting to be dispatched after %s", timeout);
				return new Drained(deliveries(token, null), deliveries(token, "DISPATCHED"), -1);
			}
			Thread.sleep(200);
		}
		long stored = deliveries(token, null);
		long dispatched = deliveries(token, "DISPATCHED");
		long at = completions.await(completedBefore + dispatched,
				Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		if (at < 0) {
			log("  the engine completed %d of the %d runs within %s", completions.count() - completedBefore, dispatched,
					timeout);
		}
		return new Drained(stored, dispatched, at);
	}

	/** How many of the listener's deliveries have a status ({@code null}: all). */
	private long deliveries(String token, String status) {
		return api(token, "GET", "/api/webhooks/" + this.listenerId + "/deliveries?size=1"
				+ ((status != null) ? "&status=" + status : ""), null)
			.path("total")
			.asLong();
	}

	/** Generous, yet bounded: a minute plus 100 ms per run. */
	private static Duration timeoutFor(int runs) {
		return Duration.ofSeconds(60).plusMillis(100L * runs);
	}

	// ---- the report

	private void report(Ingest alone, Map<String, Double> aloneCpu, Ingest ingest, double drainSeconds, Drained drained,
			Map<String, Double> ingestCpu, List<Round> endToEnd, List<Round> reference, List<Round> slow,
			double targetAlone, double slowTargetAlone) {
		double e2eRate = median(endToEnd.stream().mapToDouble(Round::rate).toArray());
		double referenceRate = median(reference.stream().mapToDouble(Round::rate).toArray());
		double slowRate = median(slow.stream().mapToDouble(Round::rate).toArray());
		System.out.println();
		System.out.println("| measure | result | target |");
		System.out.println("| --- | --- | --- |");
		row("ingest only: %d signed GitHub webhooks at %.0f/s to a listener that starts no run".formatted(alone.count(),
				this.options.rate()),
				format("sent at %.1f/s, 2xx answered at %.1f/s", alone.sendRate(), alone.answerRate()),
				format("%.0f/s", this.options.rate()));
		row("ingest only: latency to the 2xx, p50 / p90 / p99 / max", format("%.1f / %.1f / %.1f / %.1f ms",
				alone.percentile(0.50), alone.percentile(0.90), alone.percentile(0.99), alone.percentile(1.0)),
				"p99 < 25 ms");
		row("ingest only: answers other than 200 (errors, no answer within 10 s)",
				String.valueOf(alone.count() - alone.received()), "0");
		row("ingest: %d signed GitHub webhooks at %.0f/s, after %d warm-up".formatted(ingest.count(),
				this.options.rate(), this.options.warmup()),
				format("sent at %.1f/s, 2xx answered at %.1f/s", ingest.sendRate(), ingest.answerRate()),
				format("%.0f/s", this.options.rate()));
		row("ingest: latency to the 2xx, p50 / p90 / p99 / max", format("%.1f / %.1f / %.1f / %.1f ms",
				ingest.percentile(0.50), ingest.percentile(0.90), ingest.percentile(0.99), ingest.percentile(1.0)),
				"p99 < 25 ms");
		row("ingest: answers other than 202 (errors, no answer within 10 s)",
				String.valueOf(ingest.count() - ingest.received()), "0");
		row("ingest: the client's send lag behind its schedule, p99 / max",
				format("%.1f / %.1f ms", ingest.lagPercentile(0.99), ingest.lagPercentile(1.0)), "-");
		row("ingest: webhooks stored / runs started / all completed (warm-up included)",
				format("%d / %d / %s", drained.stored(), drained.dispatched(), Double.isNaN(drainSeconds)
						? "not within the time limit" : format("%.1f s after the last answer", drainSeconds)),
				"-");
		row("end-to-end: %d webhooks to completed runs, per round".formatted(this.options.runs()), rates(endToEnd),
				"-");
		row("reference: %d runs started through the engine's own API, per round".formatted(this.options.runs()),
				rates(reference), "-");
		row("(a) end-to-end / reference (medians)",
				format("**%.2f** (%.1f / %.1f runs/s)", e2eRate / referenceRate, e2eRate, referenceRate), "≥ 0.90");
		row("(b) end-to-end, target answering after %d ms, per round".formatted(SLOW_ANSWER.toMillis()), rates(slow),
				"-");
		row("(b) / (a) (medians)", format("**%.2f** (%.1f / %.1f runs/s)", slowRate / e2eRate, slowRate, e2eRate),
				"≥ 0.80");
		row("the targets alone, %d at a time: at once / after %d ms".formatted(this.options.inFlight(),
				SLOW_ANSWER.toMillis()), format("%.0f / %.0f calls/s", targetAlone, slowTargetAlone),
				"well above the rates measured");
		System.out.println();
		System.out.println("CPU per run, milliseconds (medians of the rounds; phase 1: per webhook stored, its run "
				+ "included):");
		System.out.println();
		System.out.println("| process | ingest only (per webhook) | phase 1 | end-to-end | reference | "
				+ "end-to-end − reference |");
		System.out.println("| --- | --- | --- | --- | --- | --- |");
		double[] totals = new double[4];
		for (String process : ingestCpu.keySet()) {
			double e2e = median(
					endToEnd.stream().mapToDouble((r) -> r.cpuPerRun().getOrDefault(process, 0.0)).toArray());
			double ref = median(
					reference.stream().mapToDouble((r) -> r.cpuPerRun().getOrDefault(process, 0.0)).toArray());
			double phase1 = ingestCpu.get(process);
			double only = aloneCpu.getOrDefault(process, 0.0);
			if (!process.equals("benchmark client")) {
				totals[0] += phase1;
				totals[1] += e2e;
				totals[2] += ref;
				totals[3] += only;
			}
			System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %+.2f |%n", process, only, phase1, e2e,
					ref, e2e - ref);
		}
		System.out.printf(Locale.ROOT,
				"| **the platform (without the client)** | %.2f | %.2f | %.2f | %.2f | %+.2f |%n", totals[3], totals[0],
				totals[1], totals[2], totals[1] - totals[2]);
		System.out.println();
		for (int i = 0; i < endToEnd.size(); i++) {
			System.out.printf("round %d  end-to-end: %s%n", i + 1, endToEnd.get(i).summary());
			System.out.printf("round %d  reference:  %s%n", i + 1, reference.get(i).summary());
			System.out.printf("round %d  slow target: %s%n", i + 1, slow.get(i).summary());
		}
		System.out.printf("target server: %d calls in all, from %d distinct runs%n", this.target.calls(),
				this.target.distinct());
	}

	private static String rates(List<Round> rounds) {
		String each = rounds.stream().map((r) -> format("%.1f", r.rate())).collect(Collectors.joining(", "));
		return format("%s runs/s; median **%.1f runs/s**", each,
				median(rounds.stream().mapToDouble(Round::rate).toArray()));
	}

	private static void row(String measure, String result, String target) {
		System.out.println("| " + measure + " | " + result + " | " + target + " |");
	}

	static double median(double[] values) {
		double[] sorted = Arrays.stream(values).filter((v) -> !Double.isNaN(v)).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	// ---- plumbing

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static void log(String format, Object... args) {
		System.out.println(format(format, args));
	}

	@Override
	public void close() {
		this.sender.close();
		this.target.close();
		this.slowTarget.close();
		if (this.engineStarts != null) {
			this.engineStarts.close();
		}
	}

	/**
	 * What to run.
	 *
	 * @param ingestRequests webhooks measured in phase 1
	 * @param warmup webhooks sent before them, at the same rate, not measured
	 * @param rate phase 1's arrival rate per second
	 * @param runs runs per round of phases 2 and 3
	 * @param rounds rounds of each
	 * @param senders webhooks in flight in phase 2
	 * @param inFlight creates in flight in phase 3
	 * @param user the demo user that sets up
	 */
	record Options(int ingestRequests, int warmup, double rate, int runs, int rounds, int senders, int inFlight,
			String user) {

		static Options of(String[] args, Map<String, String> env) {
			int ingest = (args.length > 0) ? Integer.parseInt(args[0]) : 6000;
			int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
			int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
			return new Options(ingest, Integer.parseInt(env.getOrDefault("BENCH_WARMUP", "6000")),
					Double.parseDouble(env.getOrDefault("BENCH_RATE", "300")), runs, rounds,
					Integer.parseInt(env.getOrDefault("BENCH_SENDERS", "16")),
					Integer.parseInt(env.getOrDefault("BENCH_IN_FLIGHT", "32")),
					env.getOrDefault("BENCH_USER", "acme-editor"));
		}

	}

	/**
	 * Phase 1's webhooks once worked off.
	 *
	 * @param stored deliveries the listener stored (answered or not)
	 * @param dispatched runs they started
	 * @param at the {@link System#nanoTime()} the engine had completed them all; -1 when
	 * it did not within the time limit
	 */
	record Drained(long stored, long dispatched, long at) {

	}

	/**
	 * One round of phase 2 or 3.
	 *
	 * @param runs runs started
	 * @param refused starts the platform did not take (non-202 answers, failed creates)
	 * @param retried creates retried after back-pressure
	 * @param startSeconds from the first start to the last start's answer
	 * @param callSeconds from the first start to the last run's call at the target
	 * @param completeSeconds from the first start to the engine counting the last run
	 * @param cpuPerRun milliseconds of CPU each process used per run, from the first
	 * start to the last run completed completed
	 */
	record Round(int runs, int refused, int retried, double startSeconds, double callSeconds, double completeSeconds,
			Map<String, Double> cpuPerRun) {

		/**
		 * Runs per second, from the first start to the last completed (to the last call
		 * when the engine cannot tell).
		 */
		double rate() {
			return this.runs / (Double.isNaN(this.completeSeconds) ? this.callSeconds : this.completeSeconds);
		}

		String summary() {
			return format(
					"%d runs: %.1f runs/s (starts answered after %.2f s, last call at %.2f s, completed at %s; "
							+ "%d refused, %d back-pressure retries)",
					this.runs, rate(), this.startSeconds, this.callSeconds, Double.isNaN(this.completeSeconds)
							? "? (the engine cannot tell)" : format("%.2f s", this.completeSeconds),
					this.refused, this.retried);
		}

	}

	/**
	 * The outcome of a phase 1 batch.
	 */
	record Ingest(int count, int received, long firstSendAt, long lastSendAt, long lastAnswerAt, long[] okLatencies,
			long[] lags) {

		static Ingest of(long[] sentAt, long[] answeredAt, long[] latency, long[] lag, int[] status, int expected) {
			long[] ok = IntStream.range(0, status.length)
				.filter((i) -> status[i] / 100 == 2)
				.mapToLong((i) -> latency[i])
				.sorted()
				.toArray();
			return new Ingest(status.length, (int) Arrays.stream(status).filter((s) -> s == expected).count(),
					Arrays.stream(sentAt).min().orElse(0), Arrays.stream(sentAt).max().orElse(0),
					Arrays.stream(answeredAt).max().orElse(0), ok, Arrays.stream(lag).sorted().toArray());
		}

		double sendRate() {
			return (this.count - 1) / seconds(this.lastSendAt - this.firstSendAt);
		}

		double answerRate() {
			return this.okLatencies.length / seconds(this.lastAnswerAt - this.firstSendAt);
		}

		/** Milliseconds of the answered requests' latency at a quantile (1.0 the max). */
		double percentile(double quantile) {
			return at(this.okLatencies, quantile);
		}

		double lagPercentile(double quantile) {
			return at(this.lags, quantile);
		}

		private static double at(long[] sorted, double quantile) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1e6;
		}

		String summary() {
			return format("%d sent at %.1f/s, %d answered as expected; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
					this.count, sendRate(), this.received, percentile(0.5), percentile(0.99), percentile(1.0));
		}

	}

}
