package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.brain.engine.operaton.OperatonSchema;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The open engine's tables, created by Brain's migrations from the scripts Operaton
 * ships, and the application's role allowed to use them. Operaton keeps its tenants apart
 * itself (a tenant id on every row, checked by the engine), so its tables have no
 * row-level security; the adapter's message buffer has.
 */
public class V19__Open_engine_tables extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		OperatonSchema.create(context.getConnection());
		String role = context.getConfiguration().getPlaceholders().get("appRole");
		try (Statement statement = context.getConnection().createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet found = statement.executeQuery(
					"""
							select tablename from pg_tables
							where schemaname = current_schema() and (tablename like 'act\\_%' or tablename = 'brain_engine_message')
							""")) {
				while (found.next()) {
					tables.add(found.getString(1));
				}
			}
			for (String table : tables) {
				statement.execute("grant select, insert, update, delete on " + table + " to " + role);
			}
			statement.execute("grant execute on function brain_engine_claim_messages(integer, integer) to " + role);
		}
	}

}
