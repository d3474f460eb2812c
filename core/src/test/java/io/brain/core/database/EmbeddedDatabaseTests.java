package io.brain.core.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.brain.core.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server the local platform runs: its data and every commit it acknowledged survive a
 * restart, and a commit returns only once it is on disk.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path data;

	@Test
	void startWhenPlatformServerThenCommitsWaitForTheDisk() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.data, FreePort.onLoopback())) {
			assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(database, "fsync")).isEqualTo("on");
		}
	}

	@Test
	void startWhenDataDirectoryHoldsAClusterThenKeepsWhatWasCommitted() throws Exception {
		int port = FreePort.onLoopback();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.data, port);
				Connection connection = connect(database);
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (id int primary key)");
			statement.execute("insert into kept values (1), (2)");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.data, port);
				Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from kept")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
		}
	}

	private static String setting(EmbeddedDatabase database, String name) throws SQLException {
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("show " + name)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setURL(database.jdbcUrl("postgres"));
		source.setUser(EmbeddedDatabase.USER);
		return source.getConnection();
	}

}
