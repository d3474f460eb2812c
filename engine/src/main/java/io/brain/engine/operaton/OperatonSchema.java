package io.brain.engine.operaton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates Operaton's tables in a PostgreSQL schema from the scripts the engine ships, and
 * the adapter's message buffer, so Brain's migrations create them rather than the engine
 * at its start.
 */
public final class OperatonSchema {

	private static final String[] SCRIPTS = { "engine", "history", "identity", "case.engine", "case.history",
			"decision.engine", "decision.history" };

	private OperatonSchema() {
	}

	/** Creates the engine's tables and the adapter's own unless they exist. */
	public static void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			boolean exists;
			try (ResultSet found = statement.executeQuery("select to_regclass('act_ge_property') is not null")) {
				found.next();
				exists = found.getBoolean(1);
			}
			if (!exists) {
				for (String script : SCRIPTS) {
					statement
						.execute(read("org/operaton/bpm/engine/db/create/activiti.postgres.create." + script + ".sql"));
				}
			}
			statement.execute(read("io/brain/engine/operaton/brain-engine-message.sql"));
		}
	}

	private static String read(String resource) {
		try (InputStream in = OperatonSchema.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("The Operaton engine jar lacks " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + resource, ex);
		}
	}

}
