package io.brain.api.agent;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.api.DatabaseScan;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Agents through the api on real PostgreSQL: settings saved as versions, each connection
 * the tenant's, audit rows in words, no secret anywhere.
 */
class AgentTests extends AgentFixtures {

	@BeforeEach
	void connections() throws Exception {
		tenantWithConnections();
	}

	@Test
	void usageWhenTheTenantsAgentsSpentTokensThenTodayTheMonthTheBudgetAndTheCostPerModel() throws Exception {
		for (String[] row : new String[][] { { this.tenant, "gpt-priced", "1000000", "200000" },
				{ this.tenant, "unpriced-model", "400", "600" }, { "agents-other", "gpt-priced", "5", "5" } }) {
			TenantContext.run(row[0],
					() -> this.jdbc.sql("""
							insert into agent_token_usage (tenant_id, day, agent_id, model, input_tokens, output_tokens)
							values (:tenant, (now() at time zone 'utc')::date, :agent, :model, :input, :output)
							""")
						.param("tenant", row[0])
						.param("agent", UUID.randomUUID())
						.param("model", row[1])
						.param("input", Long.parseLong(row[2]))
						.param("output", Long.parseLong(row[3]))
						.update());
		}
		this.mvc.perform(get("/api/agents/usage").with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tokensToday").value(1_201_000))
			.andExpect(jsonPath("$.tokensThisMonth").value(1_201_000))
			.andExpect(jsonPath("$.budgetPerDay").value(1_000_000))
			.andExpect(jsonPath("$.models[0].model").value("gpt-priced"))
			.andExpect(jsonPath("$.models[0].estimatedCost").value(4.5))
			.andExpect(jsonPath("$.models[1].model").value("unpriced-model"))
			.andExpect(jsonPath("$.models[1].estimatedCost").doesNotExist())
			.andExpect(jsonPath("$.estimatedCost").value(4.5));
	}

	@Test
	void dryRunWhenSampleInputFitsThenShowsWhatTheStepWouldSendAndSendsNothing() throws Exception {
		ObjectNode request = analyst();
		ObjectNode read = request.withArray("/config/tools").addObject();
		read.put("connector", "google-ads");
		read.put("action", "read");
		read.put("connectionId", this.ads.toString());
		UUID id = created(request);

		// A write tool: checked and shown, never sent; the model cannot name a
		// connection.
		dryRun(id, "wordpress_create_post",
				"{\"title\":\"Spring sale\",\"status\":\"draft\",\"connection\":\"Someone else's\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sent").value(false))
			.andExpect(jsonPath("$.access").value("WRITE"))
			.andExpect(jsonPath("$.requiresApproval").value(true))
			.andExpect(jsonPath("$.description").value("WordPress: Create post"))
			.andExpect(jsonPath("$.connectionId").value(this.blog.toString()))
			.andExpect(jsonPath("$.wouldSend.title").value("Spring sale"))
			.andExpect(jsonPath("$.wouldSend.connection").value(org.hamcrest.Matchers.not("Someone else's")))
			.andExpect(jsonPath("$.dropped[0]").value("connection"))
			.andExpect(jsonPath("$.inputs[?(@.name == 'content')].label").value("Content"));
		// A read tool, with its inputs as the catalog lists them.
		dryRun(id, "google_ads_read", "{\"resource\":\"campaigns\",\"limit\":5}").andExpect(status().isOk())
			.andExpect(jsonPath("$.access").value("READ"))
			.andExpect(jsonPath("$.requiresApproval").value(false))
			.andExpect(jsonPath("$.wouldSend.limit").value(5))
			.andExpect(jsonPath("$.sent").value(false));

		// Bad sample input is refused at the input it names.
		dryRun(id, "google_ads_read", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("input.resource"));
		dryRun(id, "google_ads_read", "{\"resource\":5}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("input.resource"))
			.andExpect(jsonPath("$.detail").value("'resource' must be a string."));
		dryRun(id, "google_ads_read", "{\"resource\":\"campaigns\",\"limit\":\"all\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("input.limit"));
		dryRun(id, "google_ads_read", "{\"resource\":\"campaigns\",\"url\":\"http://169.254.169.254/\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("input.url"));
		dryRun(id, "google_ads_read", "[1]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("input"));
		// Only the agent's own tools, of the tenant's own agents.
		dryRun(id, "google_ads_pause_campaign", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("tool"));
		this.mvc
			.perform(post("/api/agents/{id}/dry-run", id)
				.with(TestTokens.user("agents-other-" + UUID.randomUUID().toString().substring(0, 8), "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"tool\":\"google_ads_read\",\"input\":{\"resource\":\"campaigns\"}}"))
			.andExpect(status().isNotFound());
	}

	private org.springframework.test.web.servlet.ResultActions dryRun(UUID agent, String tool, String input)
			throws Exception {
		return this.mvc.perform(post("/api/agents/{id}/dry-run", agent).with(TestTokens.user(this.tenant, "editor"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"tool\":\"" + tool + "\",\"input\":" + input + "}"));
	}

	@Test
	void createThenGetThenUpdateMakesVersionTwoAndKeepsVersionOne() throws Exception {
		JsonNode created = read(create(analyst()).andExpect(status().isCreated())
			.andExpect(jsonPath("$.key").value("campaign-analyst"))
			.andExpect(jsonPath("$.processId").value("brain-agent-campaign-analyst"))
			.andExpect(jsonPath("$.currentVersion").value(1)));
		UUID id = UUID.fromString(created.get("id").asText());
		// Defaults filled in: the connection's model, the limits, the run as delivery, a
		// write tool needing approval, its name derived.
		this.mvc.perform(get("/api/agents/{id}", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Campaign analyst"))
			.andExpect(jsonPath("$.config.model.model").value("gpt-4o-mini"))
			.andExpect(jsonPath("$.config.model.temperature").value(0.7))
			.andExpect(jsonPath("$.config.model.maxOutputTokens").value(2048))
			.andExpect(jsonPath("$.config.limits.maxModelCalls").value(10))
			.andExpect(jsonPath("$.config.limits.maxToolCalls").value(20))
			.andExpect(jsonPath("$.config.limits.maxTokens").value(50000))
			.andExpect(jsonPath("$.config.delivery.kind").value("RUN"))
			.andExpect(jsonPath("$.config.tools[0].name").value("wordpress_create_post"))
			.andExpect(jsonPath("$.config.tools[0].requiresApproval").value(true))
			.andExpect(jsonPath("$.config.schedule").doesNotExist());

		ObjectNode changed = analyst();
		((ObjectNode) changed.at("/config/model")).put("temperature", 0.3);
		ObjectNode read = changed.withArray("/config/tools").addObject();
		read.put("connector", "google-ads");
		read.put("action", "read");
		read.put("connectionId", this.ads.toString());
		update(id, changed).andExpect(status().isOk())
			.andExpect(jsonPath("$.currentVersion").value(2))
			.andExpect(jsonPath("$.config.model.temperature").value(0.3))
			.andExpect(jsonPath("$.config.tools[1].name").value("google_ads_read"))
			.andExpect(jsonPath("$.config.tools[1].access").value("READ"))
			.andExpect(jsonPath("$.config.tools[1].requiresApproval").value(false));

		this.mvc.perform(get("/api/agents/{id}/versions", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].version").value(2))
			.andExpect(jsonPath("$[1].version").value(1))
			.andExpect(jsonPath("$[1].createdBy").value(this.tenant + "-editor"));
		this.mvc.perform(get("/api/agents/{id}/versions/1", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.config.model.temperature").value(0.7))
			.andExpect(jsonPath("$.config.tools.length()").value(1));
		this.mvc.perform(get("/api/agents/{id}/versions/3", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isNotFound());
	}

	@Test
	void updateWhenSettingsAreThoseInForceThenNoNewVersion() throws Exception {
		UUID id = created(analyst());
		update(id, analyst()).andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(1));
		assertThat(rows("agent_version")).isEqualTo(1);
	}

	@Test
	void createWhenNameOrKeyTakenThenConflictNamingTheField() throws Exception {
		created(analyst());
		ObjectNode sameName = analyst();
		sameName.put("key", "another-analyst");
		create(sameName).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("config.name"));
		ObjectNode sameKey = analyst();
		((ObjectNode) sameKey.get("config")).put("name", "Campaign Analyst!");
		create(sameKey).andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("key"));
		assertThat(rows("agent")).isEqualTo(1);
	}

	@Test
	void updateWhenKeyChangesThenRefused() throws Exception {
		UUID id = created(analyst());
		ObjectNode renamed = analyst();
		renamed.put("key", "other-key");
		update(id, renamed).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("key"));
	}

	@Test
	void scheduleWhenEveryMondayAtNineInBerlinThenAcceptedAndSaidInWords() throws Exception {
		ObjectNode request = analyst();
		ObjectNode schedule = ((ObjectNode) request.get("config")).putObject("schedule");
		schedule.put("cron", "0 9 * * MON");
		schedule.put("timeZone", "Europe/Berlin");
		create(request).andExpect(status().isCreated())
			.andExpect(jsonPath("$.config.schedule.cron").value("0 9 * * MON"))
			.andExpect(jsonPath("$.config.schedule.timeZone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.scheduleDescription").value("Every Monday at 09:00 (Europe/Berlin)"));
	}

	@Test
	void deliveryWhenEmailOrSlackThenKeptWithItsConnection() throws Exception {
		ObjectNode request = analyst();
		ObjectNode delivery = ((ObjectNode) request.get("config")).putObject("delivery");
		delivery.put("kind", "EMAIL");
		delivery.put("connectionId", this.mail.toString());
		delivery.put("to", "team@example.com,boss@example.com");
		UUID id = read(create(request).andExpect(status().isCreated())
			.andExpect(jsonPath("$.config.delivery.to").value("team@example.com, boss@example.com"))).get("id")
			.asText()
			.transform(UUID::fromString);
		ObjectNode slack = analyst();
		ObjectNode toSlack = ((ObjectNode) slack.get("config")).putObject("delivery");
		toSlack.put("kind", "SLACK");
		toSlack.put("connectionId", this.slack.toString());
		toSlack.put("channel", "#marketing");
		update(id, slack).andExpect(status().isOk())
			.andExpect(jsonPath("$.config.delivery.kind").value("SLACK"))
			.andExpect(jsonPath("$.config.delivery.channel").value("#marketing"))
			.andExpect(jsonPath("$.config.delivery.to").doesNotExist());
	}

	@Test
	void listWhenSeveralAgentsThenPagedAndSearched() throws Exception {
		created(analyst());
		ObjectNode writer = analyst();
		((ObjectNode) writer.get("config")).put("name", "Blog writer");
		created(writer);
		this.mvc.perform(get("/api/agents").param("size", "1").with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].name").value("Blog writer"));
		this.mvc.perform(get("/api/agents").param("q", "analyst").with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].key").value("campaign-analyst"));
		this.mvc.perform(get("/api/agents").param("size", "0").with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void deleteWhenAgentExistsThenItsVersionsAndSessionsGoToo() throws Exception {
		UUID id = created(analyst());
		session(id);
		this.mvc.perform(delete("/api/agents/{id}", id).with(TestTokens.user(this.tenant, "editor")))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/agents/{id}", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isNotFound());
		assertThat(rows("agent_version")).isZero();
		assertThat(rows("agent_session")).isZero();
		assertThat(rows("agent_message")).isZero();
	}

	@Test
	void sessionsWhenAgentHasConversationsThenListedLatestFirstWithTheirMessages() throws Exception {
		UUID id = created(analyst());
		this.mvc.perform(get("/api/agents/{id}/sessions", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		UUID session = session(id);
		this.mvc.perform(get("/api/agents/{id}/sessions", id).with(TestTokens.user(this.tenant, "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(session.toString()))
			.andExpect(jsonPath("$.items[0].origin").value("CHAT"))
			.andExpect(jsonPath("$.items[0].messages").value(2));
	}

	@Test
	void agentOfAnotherTenantWhenReachedThenNotFoundAndUnchanged() throws Exception {
		UUID id = created(analyst());
		String other = "agents-other-" + UUID.randomUUID().toString().substring(0, 8);
		var stranger = TestTokens.user(other, "tenant-admin");
		this.mvc.perform(get("/api/agents/{id}", id).with(stranger)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/agents/{id}/versions", id).with(stranger)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/agents/{id}/versions/1", id).with(stranger)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/agents/{id}/sessions", id).with(stranger)).andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/agents/{id}", id).with(stranger)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(analyst())))
			.andExpect(status().is4xxClientError());
		this.mvc.perform(delete("/api/agents/{id}", id).with(stranger)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/agents").with(stranger))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		assertThat(rows("agent")).isEqualTo(1);
		assertThat(rows("agent_version")).isEqualTo(1);
	}

	@Test
	void createWhenToolNamesAnotherTenantsConnectionThenRefusedAndNothingStored() throws Exception {
		String other = "agents-other-" + UUID.randomUUID().toString().substring(0, 8);
		UUID theirs = connection(other, Map.of("type", "wordpress", "name", "Their blog", "config", Map.of("siteUrl",
				"https://their.example.com", "username", "them", "applicationPassword", "their-password")));
		ObjectNode request = analyst();
		((ObjectNode) request.at("/config/tools/0")).put("connectionId", theirs.toString());
		String answer = create(request).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.field").value("config.tools[0].connectionId"))
			.andExpect(jsonPath("$.detail").value("This tenant has no connection " + theirs + "."))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).doesNotContain("Their blog").doesNotContain("their.example.com");
		assertThat(rows("agent")).isZero();
		assertThat(rows("agent_version")).isZero();
	}

	@Test
	void modelWhenAnotherTenantsConnectionThenRefusedAsUnknown() throws Exception {
		String other = "agents-other-" + UUID.randomUUID().toString().substring(0, 8);
		UUID theirs = connection(other, Map.of("type", "openai", "name", "Their OpenAI", "config",
				Map.of("apiKey", "sk-theirs-0123456789", "defaultModel", "gpt-4o")));
		ObjectNode request = analyst();
		((ObjectNode) request.at("/config/model")).put("connectionId", theirs.toString());
		create(request).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.field").value("config.model.connectionId"))
			.andExpect(jsonPath("$.detail").value("This tenant has no connection " + theirs + "."));
		assertThat(rows("agent")).isZero();
	}

	@Test
	void auditRowsWhenAgentCreatedUpdatedAndDeletedThenReadInWordsWithTheChanges() throws Exception {
		UUID id = created(analyst());
		ObjectNode changed = analyst();
		((ObjectNode) changed.at("/config/model")).put("temperature", 0.3);
		ObjectNode pause = changed.withArray("/config/tools").addObject();
		pause.put("connector", "google-ads");
		pause.put("action", "pause-campaign");
		pause.put("connectionId", this.ads.toString());
		pause.put("access", "WRITE");
		update(id, changed).andExpect(status().isOk());
		update(id, changed).andExpect(status().isOk());
		this.mvc.perform(delete("/api/agents/{id}", id).with(TestTokens.user(this.tenant, "editor")))
			.andExpect(status().isNoContent());

		JsonNode page = read(this.mvc
			.perform(get("/api/audit").param("targetType", "agent")
				.param("targetId", id.toString())
				.with(TestTokens.user(this.tenant, "tenant-admin")))
			.andExpect(status().isOk()));
		String editor = this.tenant + "-editor";
		assertThat(page.get("items"))
			.extracting((item) -> item.get("actorName").asText() + " " + item.get("action").asText() + " ["
					+ item.get("outcome").asText() + "]")
			.containsExactly(editor + " deleted agent 'Campaign analyst' [SUCCESS]",
					editor + " updated agent 'Campaign analyst': nothing changed [SUCCESS]",
					editor + " updated agent 'Campaign analyst': added tool Google Ads pause campaign on "
							+ "'Ads account' (write, needs approval); changed temperature from 0.7 to 0.3 [SUCCESS]",
					editor + " created agent 'Campaign analyst' [SUCCESS]");
		assertThat(page.at("/items/2/metadata/changes").size()).isEqualTo(2);
		this.mvc.perform(get("/api/audit/verification").with(TestTokens.user(this.tenant, "tenant-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
	}

	@Test
	void auditRowWhenMuchChangesThenSaysEachChange() throws Exception {
		ObjectNode first = analyst();
		ObjectNode read = first.withArray("/config/tools").addObject();
		read.put("connector", "google-ads");
		read.put("action", "read");
		read.put("connectionId", this.ads.toString());
		UUID id = created(first);
		ObjectNode changed = analyst();
		ObjectNode config = (ObjectNode) changed.get("config");
		config.put("name", "Campaign expert");
		config.put("role", "You are a calm analyst.");
		config.remove("taskPrompt");
		((ObjectNode) changed.at("/config/model")).put("model", "gpt-4o").put("maxOutputTokens", 1000);
		((ObjectNode) changed.at("/config/tools/0")).put("requiresApproval", false);
		config.putObject("schedule").put("cron", "0 9 * * MON").put("timeZone", "Europe/Berlin");
		config.putObject("delivery")
			.put("kind", "SLACK")
			.put("connectionId", this.slack.toString())
			.put("channel", "#marketing");
		config.putObject("limits").put("maxModelCalls", 5);
		update(id, changed).andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(2));

		JsonNode page = read(this.mvc.perform(get("/api/audit").param("targetType", "agent")
			.param("targetId", id.toString())
			.with(TestTokens.user(this.tenant, "tenant-admin"))));
		assertThat(page.at("/items/0/action").asText()).isEqualTo("updated agent 'Campaign expert': "
				+ "renamed it from 'Campaign analyst' to 'Campaign expert'; changed the role; removed the task prompt; "
				+ "removed tool Google Ads read campaigns; "
				+ "changed tool WordPress create post from write, needs approval to write, no approval; "
				+ "changed model from gpt-4o-mini to gpt-4o; changed max output tokens from 2048 to 1000; "
				+ "scheduled it '0 9 * * MON' in Europe/Berlin; "
				+ "changed delivery from the run only to Slack #marketing by 'Slack'; "
				+ "changed max model calls from 10 to 5");
	}

	@Test
	void auditRowWhenUpdateRefusedThenSaysItWasTriedAndNoVersionIsMade() throws Exception {
		UUID id = created(analyst());
		ObjectNode bad = analyst();
		((ObjectNode) bad.at("/config/model")).put("temperature", 3);
		update(id, bad).andExpect(status().isBadRequest());
		JsonNode page = read(this.mvc.perform(get("/api/audit").param("targetType", "agent")
			.param("targetId", id.toString())
			.with(TestTokens.user(this.tenant, "tenant-admin"))));
		assertThat(page.at("/items/0/action").asText()).isEqualTo("tried to update agent " + id);
		assertThat(page.at("/items/0/outcome").asText()).isEqualTo("FAILURE");
		assertThat(rows("agent_version")).isEqualTo(1);
	}

	@Test
	void secretsWhenAgentSavedThenAppearInNoAnswerRowOrAuditEntry() throws Exception {
		ObjectNode request = analyst();
		// A secret slipped into the settings is not part of them, and is masked in the
		// audit row's fields.
		((ObjectNode) request.at("/config/model")).put("apiKey", "sk-slipped-in-0123456789");
		String created = create(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(this.json.readTree(created).get("id").asText());
		String versions = this.mvc
			.perform(get("/api/agents/{id}/versions", id).with(TestTokens.user(this.tenant, "viewer")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String audit = this.mvc.perform(get("/api/audit").with(TestTokens.user(this.tenant, "tenant-admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String text : new String[] { created, versions, audit }) {
			assertThat(text).doesNotContain(MODEL_API_KEY).doesNotContain("sk-slipped-in-0123456789");
		}
		String stored = TenantContext.call(this.tenant,
				() -> this.jdbc.sql("select config::text from agent_version").query(String.class).single());
		assertThat(stored).doesNotContain("apiKey").contains(this.model.toString());
		assertThat(DatabaseScan.columnsContaining(databaseUrl(), MODEL_API_KEY)).isEmpty();
		assertThat(DatabaseScan.columnsContaining(databaseUrl(), "sk-slipped-in-0123456789")).isEmpty();
	}

	/** A chat session of two messages, as the agent runtime writes them. */
	private UUID session(UUID agent) {
		UUID session = UUID.randomUUID();
		TenantContext.run(this.tenant, () -> {
			this.jdbc.sql("""
					insert into agent_session (id, tenant_id, agent_id, origin, started_by)
					values (:id, :tenant, :agent, 'CHAT', 'someone')
					""").param("id", session).param("tenant", this.tenant).param("agent", agent).update();
			for (String role : new String[] { "USER", "ASSISTANT" }) {
				this.jdbc.sql("""
						insert into agent_message (tenant_id, agent_id, session_id, role, content)
						values (:tenant, :agent, :session, :role, '{"text": "hello"}')
						""")
					.param("tenant", this.tenant)
					.param("agent", agent)
					.param("session", session)
					.param("role", role)
					.update();
			}
		});
		return session;
	}

}
