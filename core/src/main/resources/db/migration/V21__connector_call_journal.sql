-- The connector calls that went through, one row per step execution: a task delivered again
-- after its worker died between the provider's answer and the report to the engine completes
-- with the recorded response instead of calling the provider a second time. The step id is
-- the same for every try and redelivery of one step execution (the open engine's task id,
-- Zeebe's element instance key) and new when the process runs the step again. Rows are kept
-- for a bounded time (brain.workers.journal.retention) and purged by the workers.
create table connector_call_journal (
    tenant_id   varchar(63)   not null,
    step_id     varchar(64)   not null,
    job_type    varchar(255)  not null,
    -- The connector's response as JSON, as written (json, not jsonb: key order kept).
    response    json          not null,
    recorded_at timestamptz   not null default now(),
    primary key (tenant_id, step_id, job_type)
);
create index connector_call_journal_recorded on connector_call_journal (recorded_at);

alter table connector_call_journal enable row level security;
alter table connector_call_journal force row level security;
create policy tenant_isolation on connector_call_journal
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

-- Deletes, across tenants, at most max_rows rows recorded before older_than, oldest first; rows
-- another purge holds are skipped, so workers purging at once never wait for one another.
create function brain_purge_connector_call_journal(older_than timestamptz, max_rows integer) returns integer
    language sql volatile security definer set search_path = public
as $$
    with purged as (
        delete from connector_call_journal where ctid in (
            select ctid from connector_call_journal where recorded_at < older_than
            order by recorded_at limit max_rows
            for update skip locked)
        returning 1)
    select count(*)::integer from purged
$$;

grant select, insert on connector_call_journal to ${appRole};
grant execute on function brain_purge_connector_call_journal(timestamptz, integer) to ${appRole};
