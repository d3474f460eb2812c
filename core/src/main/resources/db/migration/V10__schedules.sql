-- Schedules: an automation started at the times of a cron expression read in an IANA time
-- zone. Brain fires them itself (Zeebe's timers know only UTC); next_fire_at is the instant
-- the schedule fires next, kept by the api after each fire.
create table automation_schedule (
    id             uuid          primary key,
    tenant_id      varchar(63)   not null,
    automation_key varchar(100)  not null,
    name           varchar(200)  not null,
    cron           varchar(200)  not null,
    rule           jsonb,
    time_zone      varchar(64)   not null,
    enabled        boolean       not null,
    variables      jsonb         not null default '{}'::jsonb,
    next_fire_at   timestamptz,
    last_fired_at  timestamptz,
    last_run_id    uuid,
    last_error     text,
    created_by     varchar(255)  not null,
    created_at     timestamptz   not null default now(),
    updated_by     varchar(255)  not null,
    updated_at     timestamptz   not null default now(),
    unique (tenant_id, automation_key, name),
    foreign key (tenant_id, automation_key) references automation (tenant_id, key) on delete cascade
);

create index automation_schedule_due on automation_schedule (next_fire_at) where enabled;

alter table automation_schedule enable row level security;
alter table automation_schedule force row level security;
create policy tenant_isolation on automation_schedule
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on automation_schedule to ${appRole};

-- The schedules due by an instant, across tenants, for the api's scheduler: only their ids
-- and tenants. The scheduler then locks and fires each one as its tenant (row-level
-- security in force), with the tenant read from the row here. Schedules of a disabled
-- tenant do not fire.
create function brain_due_schedules(due_by timestamptz, max_count integer)
    returns table (id uuid, tenant_id varchar)
    language sql stable security definer set search_path = public
as $$
    select s.id, s.tenant_id from automation_schedule s
    where s.enabled and s.next_fire_at <= due_by
      and not exists (select from tenant t where t.id = s.tenant_id and t.status = 'DISABLED')
    order by s.next_fire_at
    limit max_count
$$;

grant execute on function brain_due_schedules(timestamptz, integer) to ${appRole};
