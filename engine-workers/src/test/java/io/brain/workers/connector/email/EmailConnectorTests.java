package io.brain.workers.connector.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.brain.core.tenant.TenantId;
import io.brain.engine.EngineTask;
import io.brain.engine.TaskRunner.TaskOutcome;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.brain.workers.task.ConnectorTasks;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email connector on Zeebe against a real SMTP server (GreenMail) on 127.0.0.1; the
 * messages are read back from the server.
 */
class EmailConnectorTests extends ConnectorTestContext {

	static final GreenMail smtp = startSmtp();

	@Autowired
	ConnectorTasks tasks;

	@BeforeEach
	void emptyMailbox() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void sendEmailWhenConnectionValidThenServerReceivesTextAndHtml() throws Exception {
		connection("newsletter", "mailbox-pass");
		ZeebeProcesses.deployFor(new TenantId("acme"), sendStep("send-welcome", "newsletter"), this.client,
				this.registry);

		Map<String, Object> variables = this.client.newCreateInstanceCommand()
			.bpmnProcessId("send-welcome")
			.latestVersion()
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join()
			.getVariablesAsMap();

		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getSubject()).isEqualTo("Welcome to Acme");
		assertThat(message.getFrom()[0].toString()).isEqualTo("news@acme.example");
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("lead@globex.example");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("Hello lead").contains("<h1>Hello lead</h1>");
		assertThat(variables).containsKey("mail");
		assertThat(variables.get("mail"))
			.isEqualTo(Map.of("messageId", ((Map<?, ?>) variables.get("mail")).get("messageId"), "recipients", 1));
	}

	@Test
	void sendEmailWhenTheStepSendsAgainThenTheMessageKeepsItsMessageId() throws Exception {
		connection("stable-ids", "mailbox-pass");
		String step = "task-" + UUID.randomUUID();

		TaskOutcome first = this.tasks.handle(sendTask(step));
		// As if the worker had died after sending, before it recorded the call.
		asDatabaseOwner("delete from connector_call_journal where step_id = '" + step + "'");
		TaskOutcome again = this.tasks.handle(sendTask(step));
		TaskOutcome another = this.tasks.handle(sendTask("task-" + UUID.randomUUID()));

		assertThat(smtp.waitForIncomingEmail(5_000, 3)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(3);
		String messageId = received[0].getMessageID();
		assertThat(messageId).matches("<[0-9a-f-]{36}@acme\\.example>");
		assertThat(received[1].getMessageID()).as("the same step sent again").isEqualTo(messageId);
		assertThat(received[2].getMessageID()).as("another step").isNotEqualTo(messageId);
		assertThat(first).isEqualTo(again)
			.isEqualTo(new TaskOutcome.Completed(Map.of("mail", Map.of("messageId", messageId, "recipients", 1))));
		assertThat(another).isNotEqualTo(first);
	}

	@Test
	void sendEmailWhenPasswordWrongThenIncidentSaysSo() {
		connection("stale-mailbox", "wrong-pass");
		ZeebeProcesses.deployFor(new TenantId("acme"), sendStep("send-stale", "stale-mailbox"), this.client,
				this.registry);

		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId("send-stale")
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, instance))
				.anySatisfy((incident) -> assertThat(incident.getErrorMessage())
					.contains("The mail server rejected the username or password")));
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void testConnectionWhenCredentialsGoodOrBadThenSaysSo() {
		UUID good = connection("checked-good", "mailbox-pass");
		UUID bad = connection("checked-bad", "nope");
		BpmnModelInstance test = Bpmn.createExecutableProcess("email-test-connection")
			.startEvent()
			.serviceTask("test",
					(task) -> task.zeebeJobType(EmailConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "test-connection")
						.zeebeTaskHeader("resultVariable", "check")
						.zeebeInputExpression("connectionId", "connectionId"))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), test, this.client, this.registry);

		assertThat(check(good)).containsEntry("ok", true);
		assertThat(check(bad)).containsEntry("ok", false)
			.containsEntry("message", "The mail server rejected the username or password");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> check(UUID connection) {
		return (Map<String, Object>) this.client.newCreateInstanceCommand()
			.bpmnProcessId("email-test-connection")
			.latestVersion()
			.variables(Map.of("connectionId", connection.toString()))
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join()
			.getVariablesAsMap()
			.get("check");
	}

	private UUID connection(String name, String password) {
		return ZeebeProcesses
			.createConnection(this.jdbc, this.secrets, "acme", "email", name, "{\"host\": \"127.0.0.1\", \"port\": "
					+ smtp.getSmtp().getPort()
					+ ", \"tlsMode\": \"NONE\", \"username\": \"mailbox-user\", \"fromAddress\": \"news@acme.example\"}",
					Map.of("password", password));
	}

	/** The open engine's task of a send step, as it hands it to the workers. */
	private static EngineTask sendTask(String taskId) {
		return new EngineTask(taskId, "email-tests", EmailConnector.TYPE, new TenantId("acme"), "run-" + taskId,
				"send-welcome", "send", Map.of("connection", "stable-ids", "to", List.of("lead@globex.example"),
						"subject", "Welcome to Acme", "text", "Hello lead"),
				Map.of("operation", "send-email", "resultVariable", "mail"), 3, null);
	}

	static BpmnModelInstance sendStep(String processId, String connection) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("send",
					(task) -> task.zeebeJobType(EmailConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "send-email")
						.zeebeTaskHeader("resultVariable", "mail")
						.zeebeInputExpression("\"" + connection + "\"", "connection")
						.zeebeInputExpression("[\"lead@globex.example\"]", "to")
						.zeebeInputExpression("\"Welcome to Acme\"", "subject")
						.zeebeInputExpression("\"Hello lead\"", "text")
						.zeebeInputExpression("\"<h1>Hello lead</h1>\"", "html"))
			.endEvent()
			.done();
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		server.start();
		server.setUser("news@acme.example", "mailbox-user", "mailbox-pass");
		return server;
	}

}
