package io.brain.api.agent;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows agents' sessions for their chat pages: a session's messages as server-sent
 * events ({@code message}), the ones said before first, and the pieces of an answer while
 * the model generates it ({@code token}). The workers announce both as PostgreSQL
 * notifications ({@code brain_agent_stream}) naming the tenant and the session; this api
 * listens on one connection of its own and hands each to the followers of that tenant's
 * session only. Messages are read from the session under its tenant's row-level security.
 */
@Component
class AgentStream implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AgentStream.class);

	static final String CHANNEL = "brain_agent_stream";

	/** How long a chat page follows a session before it reconnects. */
	static final Duration FOLLOW = Duration.ofMinutes(10);

	private final DataSource dataSource;

	private final AgentRepository agents;

	private final ObjectMapper json;

	private final Map<Session, Set<Follower>> followers = new ConcurrentHashMap<>();

	private volatile Thread listener;

	AgentStream(DataSource dataSource, AgentRepository agents, ObjectMapper json) {
		this.dataSource = dataSource;
		this.agents = agents;
		this.json = json;
	}

	/**
	 * Follows a tenant's session: its messages after {@code afterId} at once, then each
	 * new one and each piece of an answer as it comes.
	 */
	SseEmitter follow(TenantId tenant, UUID sessionId, long afterId) {
		Session session = new Session(tenant.value(), sessionId);
		Follower follower = new Follower(new SseEmitter(FOLLOW.toMillis()), afterId);
		this.followers.computeIfAbsent(session, (key) -> ConcurrentHashMap.newKeySet()).add(follower);
		Runnable forget = () -> {
			Set<Follower> of = this.followers.get(session);
			if (of != null) {
				of.remove(follower);
			}
		};
		follower.emitter.onCompletion(forget);
		follower.emitter.onTimeout(forget);
		follower.emitter.onError((error) -> forget.run());
		sendMessages(session, follower);
		return follower.emitter;
	}

	private void sendMessages(Session session, Follower follower) {
		synchronized (follower) {
			List<SessionMessage> messages = this.agents.messagesAfter(session.tenant(), session.id(), follower.lastId);
			for (SessionMessage message : messages) {
				send(session, follower,
						SseEmitter.event().name("message").id(Long.toString(message.id())).data(message));
				follower.lastId = message.id();
			}
		}
	}

	private void send(Session session, Follower follower, SseEmitter.SseEventBuilder event) {
		try {
			follower.emitter.send(event);
		}
		catch (IOException | IllegalStateException gone) {
			// The page went away.
			Set<Follower> of = this.followers.get(session);
			if (of != null) {
				of.remove(follower);
			}
		}
	}

	private void dispatch(String payload) {
		JsonNode event;
		try {
			event = this.json.readTree(payload);
		}
		catch (IOException ex) {
			return;
		}
		Session session;
		try {
			session = new Session(event.path("tenant").asText(), UUID.fromString(event.path("session").asText()));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		Set<Follower> of = this.followers.get(session);
		if (of == null || of.isEmpty()) {
			return;
		}
		for (Follower follower : of) {
			if (event.has("piece")) {
				send(session, follower,
						SseEmitter.event()
							.name("token")
							.data(Map.of("runId", event.path("run").asText(), "text", event.path("piece").asText())));
			}
			else {
				sendMessages(session, follower);
			}
		}
	}

	private void listen() {
		Thread self = Thread.currentThread();
		while (!self.isInterrupted()) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (!self.isInterrupted()) {
					PGNotification[] arrived = notifications.getNotifications(500);
					if (arrived != null) {
						for (PGNotification notification : arrived) {
							dispatch(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (self.isInterrupted()) {
					return;
				}
				logger.warn("Following agents' sessions paused, the database is away: {}", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	@Override
	public void start() {
		this.listener = Thread.ofVirtual().name("agent-stream").start(this::listen);
	}

	@Override
	public void stop() {
		Thread running = this.listener;
		this.listener = null;
		if (running != null) {
			running.interrupt();
		}
		this.followers.values().forEach((of) -> of.forEach((follower) -> follower.emitter.complete()));
		this.followers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.listener != null;
	}

	private record Session(String tenant, UUID id) {
	}

	private static final class Follower {

		private final SseEmitter emitter;

		private long lastId;

		Follower(SseEmitter emitter, long lastId) {
			this.emitter = emitter;
			this.lastId = lastId;
		}

	}

}
