package io.brain.core.secret;

import java.util.Map;

import javax.sql.DataSource;

import io.brain.core.database.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases on the shared embedded PostgreSQL with Brain's migrations applied, one per
 * test class so rotations see only their own rows.
 */
final class SecretDatabases {

	private SecretDatabases() {
	}

	/** Connects as the superuser, which row-level security does not restrict. */
	static DataSource migrated(String name) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(EmbeddedDatabase.forTests().ensureDatabase(name));
		dataSource.setUser(EmbeddedDatabase.USER);
		Flyway.configure().dataSource(dataSource).placeholders(Map.of("appRole", "brain_app")).load().migrate();
		return dataSource;
	}

}
