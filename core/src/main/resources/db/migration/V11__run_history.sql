-- Runs as the Zeebe broker reports them. Brain's exporter (the zeebe-exporter module, loaded by
-- the broker) writes these tables from the broker's records; the api reads them for the Runs
-- page. The exporter connects as ${appRole} and states the tenant of each row's process
-- definition (brain_tenant_of_definition) before it writes, so row-level security holds for it
-- too. Keys are the engine's; they restart when a broker's data is reset, so each key is unique
-- within its tenant only, and a process instance that starts again under a used key replaces
-- the earlier one.

-- One process instance: every run of the tenant, however it was started.
create table run_instance (
    tenant_id                   varchar(63)  not null,
    process_instance_key        bigint       not null,
    process_definition_key      bigint       not null,
    bpmn_process_id             text         not null,
    version                     integer      not null,
    parent_process_instance_key bigint,
    state                       varchar(16)  not null check (state in ('ACTIVE', 'COMPLETED', 'CANCELLED')),
    start_event_id              text,
    start_event_type            varchar(32),
    started_at                  timestamptz,
    ended_at                    timestamptz,
    primary key (tenant_id, process_instance_key)
);
create index run_instance_tenant_started on run_instance (tenant_id, started_at desc);
create index run_instance_tenant_definition on run_instance (tenant_id, process_definition_key);

-- One flow element instance of a run (a task, an event, a gateway, a subprocess): its timeline.
create table run_step (
    tenant_id            varchar(63)  not null,
    element_instance_key bigint       not null,
    process_instance_key bigint       not null,
    flow_scope_key       bigint       not null,
    element_id           text         not null,
    element_type         varchar(64)  not null,
    event_type           varchar(32),
    state                varchar(16)  not null check (state in ('ACTIVE', 'COMPLETED', 'TERMINATED')),
    started_at           timestamptz,
    ended_at             timestamptz,
    position             bigint       not null,
    primary key (tenant_id, element_instance_key)
);
create index run_step_instance on run_step (tenant_id, process_instance_key, position);

-- One job of a step (a service task's work item): its retries left and its last error.
create table run_job (
    tenant_id            varchar(63)  not null,
    job_key              bigint       not null,
    process_instance_key bigint       not null,
    element_instance_key bigint       not null,
    element_id           text         not null,
    type                 text         not null,
    state                varchar(32)  not null,
    retries              integer      not null,
    error_message        text,
    error_code           text,
    worker               text,
    updated_at           timestamptz  not null,
    primary key (tenant_id, job_key)
);
create index run_job_instance on run_job (tenant_id, process_instance_key);

-- One incident: a step that cannot go on until someone resolves it.
create table run_incident (
    tenant_id            varchar(63)  not null,
    incident_key         bigint       not null,
    process_instance_key bigint       not null,
    element_instance_key bigint       not null,
    element_id           text         not null,
    job_key              bigint,
    error_type           varchar(64)  not null,
    error_message        text,
    state                varchar(16)  not null check (state in ('OPEN', 'RESOLVED')),
    created_at           timestamptz,
    resolved_at          timestamptz,
    primary key (tenant_id, incident_key)
);
create index run_incident_instance on run_incident (tenant_id, process_instance_key);
create index run_incident_open on run_incident (tenant_id, process_instance_key) where state = 'OPEN';

-- The variables of a run's process scope; values larger than the exporter's limit are left out.
create table run_variable (
    tenant_id            varchar(63)  not null,
    process_instance_key bigint       not null,
    name                 text         not null,
    value                jsonb,
    size                 integer      not null,
    truncated            boolean      not null,
    updated_at           timestamptz  not null,
    primary key (tenant_id, process_instance_key, name)
);

-- The names of a deployed definition's elements, read from its BPMN, for the timeline.
create table run_definition (
    tenant_id              varchar(63)  not null,
    process_definition_key bigint       not null,
    bpmn_process_id        text         not null,
    version                integer      not null,
    element_names          jsonb        not null,
    primary key (tenant_id, process_definition_key)
);

alter table run_instance enable row level security;
alter table run_instance force row level security;
create policy tenant_isolation on run_instance
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run_step enable row level security;
alter table run_step force row level security;
create policy tenant_isolation on run_step
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run_job enable row level security;
alter table run_job force row level security;
create policy tenant_isolation on run_job
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run_incident enable row level security;
alter table run_incident force row level security;
create policy tenant_isolation on run_incident
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run_variable enable row level security;
alter table run_variable force row level security;
create policy tenant_isolation on run_variable
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run_definition enable row level security;
alter table run_definition force row level security;
create policy tenant_isolation on run_definition
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on run_instance, run_step, run_job, run_incident, run_variable, run_definition
    to ${appRole};

-- A row of run now records how Brain started an instance (who, with which input, under which
-- key); where the instance is comes from run_instance.
alter table run drop column state, drop column ended_at, drop column error_message, drop column output;
delete from run where process_instance_key is null;
alter table run alter column process_instance_key set not null;
create index run_tenant_instance on run (tenant_id, process_instance_key);
