package io.brain.exporter;

import java.time.Instant;
import java.util.Arrays;

/**
 * One statement the exporter writes for a record: an upsert keyed by the engine's key, so
 * writing a record again (the broker replays what was not acknowledged) changes nothing.
 *
 * @param kind which table and statement
 * @param position the record's position in the partition's log
 * @param processDefinitionKey the definition whose tenant owns the row
 * @param seenAt when the exporter received the record
 * @param values the statement's parameters in order, {@link #TENANT} where the tenant
 * goes
 */
record RunRow(Kind kind, long position, long processDefinitionKey, Instant seenAt, Object... values) {

	/** Stands for the row's tenant among the values. */
	static final Object TENANT = new Object() {
		@Override
		public String toString() {
			return "TENANT";
		}
	};

	@Override
	public String toString() {
		return this.kind + "@" + this.position + Arrays.toString(this.values);
	}

	/**
	 * The statements, in the order a batch runs them: a process instance's row and the
	 * removal of an earlier instance's rows under the same key come before the rows of
	 * its steps.
	 */
	enum Kind {

		DEFINITION("""
				insert into run_definition (tenant_id, process_definition_key, bpmn_process_id, version, element_names)
				values (?, ?, ?, ?, cast(? as jsonb))
				on conflict (tenant_id, process_definition_key) do update set
				    bpmn_process_id = excluded.bpmn_process_id, version = excluded.version,
				    element_names = excluded.element_names
				"""),

		INSTANCE(
				"""
						insert into run_instance (tenant_id, process_instance_key, process_definition_key, bpmn_process_id,
						    version, parent_process_instance_key, state, started_at, ended_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						on conflict (tenant_id, process_instance_key) do update set
						    process_definition_key = excluded.process_definition_key,
						    bpmn_process_id = excluded.bpmn_process_id, version = excluded.version,
						    parent_process_instance_key = excluded.parent_process_instance_key, state = excluded.state,
						    started_at = coalesce(excluded.started_at, run_instance.started_at), ended_at = excluded.ended_at,
						    start_event_id = case when excluded.state = 'ACTIVE' then null else run_instance.start_event_id end,
						    start_event_type = case when excluded.state = 'ACTIVE' then null else run_instance.start_event_type end
						"""),

		/**
		 * An instance starting under a key clears what an earlier instance left there.
		 */
		INSTANCE_STARTED("""
				with target as (select cast(? as varchar) as tenant_id, cast(? as bigint) as process_instance_key),
				     steps as (delete from run_step r using target t
				         where r.tenant_id = t.tenant_id and r.process_instance_key = t.process_instance_key),
				     jobs as (delete from run_job r using target t
				         where r.tenant_id = t.tenant_id and r.process_instance_key = t.process_instance_key),
				     incidents as (delete from run_incident r using target t
				         where r.tenant_id = t.tenant_id and r.process_instance_key = t.process_instance_key)
				delete from run_variable r using target t
				    where r.tenant_id = t.tenant_id and r.process_instance_key = t.process_instance_key
				"""),

		START_EVENT("""
				update run_instance set start_event_id = ?, start_event_type = ?
				where tenant_id = ? and process_instance_key = ?
				"""),

		STEP("""
				insert into run_step (tenant_id, element_instance_key, process_instance_key, flow_scope_key, element_id,
				    element_type, event_type, state, started_at, ended_at, position)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, element_instance_key) do update set
				    process_instance_key = excluded.process_instance_key, flow_scope_key = excluded.flow_scope_key,
				    element_id = excluded.element_id, element_type = excluded.element_type,
				    event_type = excluded.event_type, state = excluded.state,
				    started_at = coalesce(excluded.started_at, run_step.started_at), ended_at = excluded.ended_at,
				    position = case when excluded.state = 'ACTIVE' then excluded.position else run_step.position end
				"""),

		JOB("""
				insert into run_job (tenant_id, job_key, process_instance_key, element_instance_key, element_id, type,
				    state, retries, error_message, error_code, worker, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, job_key) do update set
				    process_instance_key = excluded.process_instance_key,
				    element_instance_key = excluded.element_instance_key, element_id = excluded.element_id,
				    type = excluded.type, state = excluded.state, retries = excluded.retries,
				    error_message = case when excluded.state = 'CREATED' then null
				        else coalesce(excluded.error_message, run_job.error_message) end,
				    error_code = case when excluded.state = 'CREATED' then null
				        else coalesce(excluded.error_code, run_job.error_code) end,
				    worker = coalesce(excluded.worker, run_job.worker), updated_at = excluded.updated_at
				"""),

		INCIDENT("""
				insert into run_incident (tenant_id, incident_key, process_instance_key, element_instance_key,
				    element_id, job_key, error_type, error_message, state, created_at, resolved_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, incident_key) do update set
				    process_instance_key = excluded.process_instance_key,
				    element_instance_key = excluded.element_instance_key, element_id = excluded.element_id,
				    job_key = excluded.job_key, error_type = excluded.error_type,
				    error_message = excluded.error_message, state = excluded.state,
				    created_at = coalesce(excluded.created_at, run_incident.created_at),
				    resolved_at = excluded.resolved_at
				"""),

		VARIABLE("""
				insert into run_variable (tenant_id, process_instance_key, name, value, size, truncated, updated_at)
				values (?, ?, ?, cast(? as jsonb), ?, ?, ?)
				on conflict (tenant_id, process_instance_key, name) do update set
				    value = excluded.value, size = excluded.size, truncated = excluded.truncated,
				    updated_at = excluded.updated_at
				""");

		private final String sql;

		Kind(String sql) {
			this.sql = sql;
		}

		String sql() {
			return this.sql;
		}

	}

}
