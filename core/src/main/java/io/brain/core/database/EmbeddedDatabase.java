package io.brain.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries on the classpath, for the local platform
 * and for tests. Production takes any PostgreSQL 14+ by JDBC URL instead.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	/** The superuser the embedded server is initialised with. */
	public static final String USER = "postgres";

	private static EmbeddedDatabase forTests;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a server keeping its data in a directory, which survives a restart. Every
	 * commit is on disk before it returns ({@code fsync} and {@code synchronous_commit}
	 * on, PostgreSQL's defaults, which the embedded server turns off for tests): what the
	 * platform has answered for, a webhook answered 2xx above all, survives a crash of
	 * the server or the machine.
	 * @param dataDirectory where the cluster lives
	 * @param port the port to listen on, on 127.0.0.1 only
	 * @return the running server
	 */
	public static EmbeddedDatabase start(Path dataDirectory, int port) {
		try {
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres postgres = server().setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start();
			return new EmbeddedDatabase(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, ex);
		}
	}

	/**
	 * One throw-away server for every test in this JVM, on a free port and a fresh data
	 * directory, with commits not waiting for the disk (nothing in it needs to survive a
	 * crash). It stops when the JVM ends.
	 * @return the shared test server
	 */
	public static synchronized EmbeddedDatabase forTests() {
		if (forTests == null) {
			try {
				EmbeddedPostgres postgres = server().start();
				forTests = new EmbeddedDatabase(postgres);
				Runtime.getRuntime().addShutdownHook(new Thread(forTests::close));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("PostgreSQL for tests did not start", ex);
			}
		}
		return forTests;
	}

	/** What every embedded server has: 127.0.0.1 only, room for every pool. */
	private static EmbeddedPostgres.Builder server() {
		return EmbeddedPostgres.builder()
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200");
	}

	public int port() {
		return this.postgres.getPort();
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	/**
	 * Creates a database unless it exists.
	 * @param name the database's name, a plain identifier
	 * @return its JDBC URL
	 */
	public String ensureDatabase(String name) {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				if (!rs.next()) {
					statement.execute("create database " + name);
				}
			}
			return jdbcUrl(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
