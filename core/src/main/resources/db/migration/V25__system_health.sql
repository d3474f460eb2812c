-- What the System Health page reads: the worker processes alive, and figures across tenants.
--
-- Platform admins have no tenant; the page is the one place that reads across tenants. It does
-- so through the narrow SECURITY DEFINER functions below, each answering counts by tenant only,
-- never a tenant's rows.

-- One row per worker process, upserted by the process every few seconds while it runs and
-- deleted when it stops; a process that died keeps its row, with its last sign of life. Platform
-- data: no tenant column.
create table worker_process (
    id           varchar(255)  primary key,
    host         varchar(255)  not null,
    version      varchar(100),
    started_at   timestamptz   not null,
    last_seen_at timestamptz   not null default now()
);

grant select, insert, update, delete on worker_process to ${appRole};

-- What each tenant used since an instant: the connector actions the workers performed (one
-- audit row each) and the language-model tokens its agents spent (by day).
create function brain_system_usage(since timestamptz)
    returns table (tenant_id varchar, connector_calls bigint, input_tokens bigint, output_tokens bigint)
    language sql stable security definer set search_path = public
as $$
    with calls as (
        select a.tenant_id, count(*) as calls from audit_log a
        where a.occurred_at >= since and a.actor_kind = 'WORKER' and a.metadata ->> 'operation' like 'connector.%'
        group by a.tenant_id),
    tokens as (
        select u.tenant_id, sum(u.input_tokens) as input_tokens, sum(u.output_tokens) as output_tokens
        from agent_token_usage u
        where u.day >= (since at time zone 'UTC')::date
        group by u.tenant_id)
    select coalesce(c.tenant_id, t.tenant_id)::varchar, coalesce(c.calls, 0)::bigint,
           coalesce(t.input_tokens, 0)::bigint, coalesce(t.output_tokens, 0)::bigint
    from calls c full join tokens t on t.tenant_id = c.tenant_id
    order by 1
$$;

-- Camunda 8's runs as Brain's exporter records them: open incidents by tenant, and runs started
-- per hour since an instant. (The open engine's own tables carry no row-level security; its
-- adapter reads them directly.)
create function brain_system_exported_incidents()
    returns table (tenant_id varchar, open_incidents bigint)
    language sql stable security definer set search_path = public
as $$
    select tenant_id, count(*) from run_incident where state = 'OPEN' group by tenant_id order by tenant_id
$$;

create function brain_system_exported_runs_per_hour(since timestamptz)
    returns table (hour timestamptz, runs bigint)
    language sql stable security definer set search_path = public
as $$
    select date_trunc('hour', started_at), count(*) from run_instance
    where started_at >= since group by 1 order by 1
$$;

grant execute on function brain_system_usage(timestamptz),
    brain_system_exported_incidents(), brain_system_exported_runs_per_hour(timestamptz) to ${appRole};
