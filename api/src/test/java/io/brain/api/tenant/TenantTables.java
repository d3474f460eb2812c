package io.brain.api.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tenant tables as the database lists them, and a row of any of them made up from its
 * columns, so an isolation test covers a table the day it is created.
 */
final class TenantTables {

	private static final Pattern ONE_OF = Pattern
		.compile("\\(\\(?(\\w+)\\)?(?:::text)? = ANY \\(\\(?ARRAY\\['([^']*)'");

	private static final Pattern OCTETS = Pattern.compile("octet_length\\((\\w+)\\) = (\\d+)");

	/** A check that exactly one of two columns is set, and nothing else. */
	private static final Pattern EITHER_OR = Pattern
		.compile("CHECK \\(\\(\\((\\w+) IS NULL\\) <> \\((\\w+) IS NULL\\)\\)\\)");

	private TenantTables() {
	}

	/** The tables of the public schema with a {@code tenant_id} column. */
	static List<String> withTenantColumn(Connection connection) throws Exception {
		return strings(connection, """
				select c.table_name from information_schema.columns c
				join information_schema.tables t using (table_schema, table_name)
				where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
				order by 1
				""");
	}

	/** Those of the tables whose row-level security is not on and forced. */
	static List<String> withoutForcedRowLevelSecurity(Connection connection, List<String> tables) throws Exception {
		List<String> secured = strings(connection, """
				select relname from pg_class join pg_namespace n on n.oid = relnamespace
				where nspname = 'public' and relkind = 'r' and relrowsecurity and relforcerowsecurity
				""");
		return tables.stream().filter((table) -> !secured.contains(table)).toList();
	}

	/**
	 * Inserts one row of a tenant with a made-up value in every column that needs one:
	 * the first value a {@code check (x in (...))} allows, the length an
	 * {@code octet_length} check asks for, otherwise something of the column's type.
	 * Foreign keys are not checked (the row's parents need not exist), triggers of tables
	 * without foreign keys run as usual.
	 */
	static void seed(Connection connection, String table, String tenant) throws Exception {
		List<String> names = new ArrayList<>();
		List<String> values = new ArrayList<>();
		// Of two columns exactly one of which must be set, the first is.
		List<String> eitherOr = new ArrayList<>();
		for (String check : strings(connection,
				"select pg_get_constraintdef(oid) from pg_constraint where contype = 'c' and conrelid = '" + table
						+ "'::regclass")) {
			Matcher either = EITHER_OR.matcher(check);
			if (either.matches()) {
				eitherOr.add(either.group(1));
			}
		}
		try (PreparedStatement columns = connection.prepareStatement("""
				select column_name, data_type, character_maximum_length from information_schema.columns
				where table_schema = 'public' and table_name = ?
				  and (is_nullable = 'NO' or column_name = any(?))
				  and column_default is null and is_identity = 'NO' and is_generated = 'NEVER'
				order by ordinal_position
				""")) {
			columns.setString(1, table);
			columns.setArray(2, connection.createArrayOf("text", eitherOr.toArray()));
			try (ResultSet rows = columns.executeQuery()) {
				while (rows.next()) {
					String column = rows.getString(1);
					names.add('"' + column + '"');
					values.add(column.equals("tenant_id") ? "'" + tenant + "'"
							: valueFor(connection, table, column, rows.getString(2), rows.getInt(3)));
				}
			}
		}
		boolean hasForeignKeys = !strings(connection,
				"select conname from pg_constraint where contype = 'f' and conrelid = '" + table + "'::regclass")
			.isEmpty();
		try (Statement statement = connection.createStatement()) {
			if (hasForeignKeys) {
				statement.execute("set local session_replication_role = replica");
			}
			statement.execute("insert into " + table + " (" + String.join(", ", names) + ") values ("
					+ String.join(", ", values) + ")");
			statement.execute("set local session_replication_role = origin");
		}
	}

	private static String valueFor(Connection connection, String table, String column, String type, int length)
			throws Exception {
		for (String check : strings(connection,
				"select pg_get_constraintdef(oid) from pg_constraint where contype = 'c'" + " and conrelid = '" + table
						+ "'::regclass")) {
			Matcher oneOf = ONE_OF.matcher(check);
			if (oneOf.find() && oneOf.group(1).equals(column)) {
				return "'" + oneOf.group(2) + "'";
			}
			Matcher octets = OCTETS.matcher(check);
			if (octets.find() && octets.group(1).equals(column)) {
				return "decode(repeat('00', " + octets.group(2) + "), 'hex')";
			}
		}
		String text = "left(md5(random()::text), " + ((length > 0) ? Math.min(length, 32) : 32) + ")";
		return switch (type) {
			case "character varying", "text" -> text;
			case "integer", "bigint", "smallint" -> "(random() * 1000000000)::int";
			case "uuid" -> "gen_random_uuid()";
			case "timestamp with time zone", "timestamp without time zone" -> "now()";
			case "date" -> "current_date";
			case "jsonb", "json" -> "'{}'";
			case "boolean" -> "false";
			case "bytea" -> "decode(md5(random()::text), 'hex')";
			case "ARRAY" -> "'{}'";
			default -> throw new IllegalStateException(
					"No made-up value for " + table + "." + column + " of type " + type + ": teach TenantTables one.");
		};
	}

	private static List<String> strings(Connection connection, String sql) throws Exception {
		List<String> found = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				found.add(rows.getString(1));
			}
		}
		return found;
	}

}
