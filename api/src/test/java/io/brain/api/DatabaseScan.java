package io.brain.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.brain.core.database.EmbeddedDatabase;

/**
 * Reads every text, JSON and binary column of every table as the database superuser, to
 * prove a secret is stored nowhere in plaintext.
 */
public final class DatabaseScan {

	private DatabaseScan() {
	}

	/**
	 * The columns holding a text anywhere in their values.
	 * @param databaseUrl the database to scan
	 * @param plaintext the text to look for
	 * @return {@code table.column} of every column that holds it
	 */
	public static List<String> columnsContaining(String databaseUrl, String plaintext) throws Exception {
		List<String> found = new ArrayList<>();
		try (Connection superuser = DriverManager.getConnection(databaseUrl, EmbeddedDatabase.USER, "");
				Statement statement = superuser.createStatement()) {
			List<String[]> columns = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("""
					select table_name, column_name, data_type from information_schema.columns
					where table_schema = 'public'
					  and data_type in ('text', 'character varying', 'bytea', 'jsonb', 'json', 'ARRAY')
					""")) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
			}
			for (String[] column : columns) {
				String read = column[2].equals("bytea") ? "encode(\"" + column[1] + "\", 'escape')"
						: "\"" + column[1] + "\"::text";
				try (ResultSet rs = statement.executeQuery("select " + read + " from \"" + column[0] + "\"")) {
					while (rs.next()) {
						String value = rs.getString(1);
						if (value != null && value.contains(plaintext)) {
							found.add(column[0] + "." + column[1]);
						}
					}
				}
			}
		}
		return found;
	}

}
