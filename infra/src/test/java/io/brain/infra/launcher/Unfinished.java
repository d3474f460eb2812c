package io.brain.infra.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where an automation's unfinished runs on the open engine wait: their activities, their
 * engine jobs and their external tasks with locks, retries and errors, read from the
 * platform's database. A crash test prints it when runs are late, so its log tells a late
 * run from a lost one.
 */
final class Unfinished {

	private Unfinished() {
	}

	static String describe(Platform platform, String automationKey) {
		String runs = "select e.proc_inst_id_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
				+ " where d.key_ = '" + automationKey.replace("'", "''") + "' and e.parent_id_ is null";
		StringBuilder out = new StringBuilder("Unfinished runs of ").append(automationKey).append(":\n");
		try (Connection connection = DriverManager.getConnection(platform.databaseUrl(), "brain_app", "");
				Statement statement = connection.createStatement()) {
			append(out, statement, "activities", "select proc_inst_id_, act_id_, is_active_ from act_ru_execution"
					+ " where act_id_ is not null and proc_inst_id_ in (" + runs + ") order by proc_inst_id_");
			append(out, statement, "jobs",
					"select process_instance_id_, type_, handler_type_, lock_owner_,"
							+ " lock_exp_time_, duedate_, retries_, exception_msg_ from act_ru_job"
							+ " where process_instance_id_ in (" + runs + ")");
			append(out, statement, "external tasks", "select proc_inst_id_, topic_name_, worker_id_, lock_exp_time_,"
					+ " retries_, error_msg_ from act_ru_ext_task where proc_inst_id_ in (" + runs + ")");
			append(out, statement, "now", "select now()");
		}
		catch (SQLException failed) {
			out.append("(could not read the database: ").append(failed.getMessage()).append(")\n");
		}
		return out.toString();
	}

	private static void append(StringBuilder out, Statement statement, String title, String query) throws SQLException {
		out.append("-- ").append(title).append('\n');
		try (ResultSet rows = statement.executeQuery(query)) {
			ResultSetMetaData columns = rows.getMetaData();
			while (rows.next()) {
				for (int column = 1; column <= columns.getColumnCount(); column++) {
					out.append((column > 1) ? " | " : "").append(rows.getObject(column));
				}
				out.append('\n');
			}
		}
	}

}
