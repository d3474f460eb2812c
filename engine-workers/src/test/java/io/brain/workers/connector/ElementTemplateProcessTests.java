package io.brain.workers.connector;

import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.workers.ZeebeProcesses;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * BPMN built from the generated element templates, as a user builds it in the modeler,
 * runs end to end on Zeebe with the real workers: "WordPress: create post" against a
 * local server that answers as WordPress documents, then "Email: send email" with the new
 * post's link to a real SMTP server; and a provider's 404 becomes a BPMN error the model
 * catches through the templates' default error expression; and a sync runs from a BPMN
 * timer.
 */
@Tag("slow")
class ElementTemplateProcessTests extends ConnectorTestContext {

	static final RecordingHttpServer wordpress = RecordingHttpServer.start();

	static final GreenMail smtp = startSmtp();

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void processWhenBuiltFromTwoTemplatesThenCreatesThePostAndMailsItsLink() throws Exception {
		connections();
		wordpress.answer(201, Map.of("Content-Type", "application/json"), """
				{"id": 321, "link": "https://blog.example.com/?p=321", "status": "publish",
				 "title": {"rendered": "Spring sale"}}
				""");
		BpmnModelInstance model = Bpmn.createExecutableProcess("announce-sale")
			.startEvent()
			.serviceTask("create-post",
					(task) -> ElementTemplate.of("wordpress")
						.apply(task, "create-post",
								Map.of("connection", "blog", "title", "=headline", "content",
										"=\"<p>\" + teaser + \"</p>\"", "status", "publish", "resultVariable", "post")))
			.serviceTask("send-email", (task) -> ElementTemplate.of("email")
				.apply(task, "send-email",
						Map.of("connection", "newsletter", "to", "=[subscriber]", "subject", "=\"New: \" + headline",
								"text", "=\"Read it at \" + post.link", "resultVariable", "mail")))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), model, this.client, this.registry);

		Map<String, Object> result = ZeebeProcesses.run(this.client, "announce-sale",
				Map.of("headline", "Spring sale", "teaser", "Everything half price", "subscriber", "ana@example.com"));

		assertThat(
				new com.fasterxml.jackson.databind.ObjectMapper().readTree(wordpress.take(Duration.ofSeconds(5)).body())
					.toString())
			.isEqualTo(
					"{\"title\":\"Spring sale\",\"content\":\"<p>Everything half price</p>\",\"status\":\"publish\"}");
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getSubject()).isEqualTo("New: Spring sale");
		assertThat(GreenMailUtil.getBody(message)).contains("Read it at https://blog.example.com/?p=321");
		assertThat(result).containsKeys("post", "mail");
	}

	@Test
	void processWhenProviderAnswers404ThenTheModelCatchesItAsABpmnError() {
		connections();
		wordpress.answer(404, Map.of("Content-Type", "application/json"),
				"{\"code\": \"rest_post_invalid_id\", \"message\": \"Invalid post ID.\", \"data\": {\"status\": 404}}");
		BpmnModelInstance model = Bpmn.createExecutableProcess("update-missing")
			.startEvent()
			.serviceTask("update-post",
					(task) -> ElementTemplate.of("wordpress")
						.apply(task, "update-post", Map.of("connection", "blog", "id", "=99", "title", "Gone")))
			.boundaryEvent("not-found",
					(event) -> event.error("404")
						.zeebeOutputExpression("errorCode", "errorCode")
						.zeebeOutputExpression("errorMessage", "errorMessage"))
			.endEvent("handled")
			.moveToActivity("update-post")
			.endEvent("updated")
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), model, this.client, this.registry);

		Map<String, Object> result = ZeebeProcesses.run(this.client, "update-missing", Map.of());

		assertThat(result).containsEntry("errorCode", "404");
		assertThat(String.valueOf(result.get("errorMessage"))).contains("WordPress has no post 99 (404)");
	}

	@Test
	void syncWhenItsTimerFiresThenTheRecordsAreStored() {
		connections();
		wordpress.answer(200, Map.of("Content-Type", "application/json", "X-WP-TotalPages", "1"), """
				[{"id": 8, "modified_gmt": "2026-11-20T10:00:00", "slug": "hello", "status": "publish",
				  "link": "https://blog.example.com/hello", "title": {"rendered": "Hello from the timer"}}]
				""");
		BpmnModelInstance model = Bpmn.createExecutableProcess("nightly-sync")
			.startEvent()
			.timerWithCycle("R/PT24H")
			.serviceTask("sync",
					(task) -> ElementTemplate.of("wordpress")
						.apply(task, "sync", Map.of("connection", "blog", "resource", "posts")))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), model, this.client, this.registry);

		this.engine.increaseTime(Duration.ofHours(25));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(TenantContext.call("acme",
					() -> this.jdbc.sql("select title from synced_record where resource = 'posts'")
						.query(String.class)
						.list()))
				.containsExactly("Hello from the timer"));
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/wp-json/wp/v2/posts");
	}

	private void connections() {
		if (TenantContext.call("acme",
				() -> this.jdbc.sql("select count(*) from connector_connection").query(Long.class).single()) > 0) {
			return;
		}
		ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "wordpress", "blog",
				"{\"siteUrl\": \"" + wordpress.url("") + "\", \"username\": \"editor\"}",
				Map.of("applicationPassword", "abcd EFGH ijkl MNOP qrst UVWX"));
		ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "email", "newsletter",
				"{\"host\": \"127.0.0.1\", \"port\": " + smtp.getSmtp().getPort()
						+ ", \"tlsMode\": \"NONE\", \"username\": \"mailer\", \"fromAddress\": \"news@acme.example\"}",
				Map.of("password", "mail-pass"));
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		server.start();
		server.setUser("news@acme.example", "mailer", "mail-pass");
		return server;
	}

}
