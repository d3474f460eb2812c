package io.brain.core.testing;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.database.EmbeddedDatabase;
import org.flywaydb.core.Flyway;

/**
 * A test database on the embedded PostgreSQL, migrated as the api migrates it (every
 * migration on the test's class path, the engine's tables included), and the
 * application's pool on it: connected as {@code brain_app}, so row-level security holds.
 */
public final class MigratedDatabase {

	private MigratedDatabase() {
	}

	/** Creates the database unless it exists, migrates it, and answers its JDBC URL. */
	public static String migrated(String name) {
		String url = EmbeddedDatabase.forTests().ensureDatabase(name);
		Flyway.configure()
			.dataSource(url, EmbeddedDatabase.USER, "")
			.locations("classpath:db/migration")
			.placeholders(Map.of("appRole", "brain_app"))
			.load()
			.migrate();
		return url;
	}

	/** A pool as the application's role; close it when done. */
	public static HikariDataSource applicationPool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("brain_app");
		return pool;
	}

}
