-- Automations: a tenant's BPMN flows under a stable key, with their versions. A version is a
-- draft until deployed; deploying one archives the version deployed before it.
create table automation (
    id          uuid          primary key,
    tenant_id   varchar(63)   not null,
    key         varchar(100)  not null,
    name        varchar(200)  not null,
    description text,
    created_by  varchar(255)  not null,
    created_at  timestamptz   not null default now(),
    updated_by  varchar(255)  not null,
    updated_at  timestamptz   not null default now(),
    unique (tenant_id, key)
);

create table automation_version (
    automation_id          uuid          not null references automation (id) on delete cascade,
    tenant_id              varchar(63)   not null,
    version                integer       not null,
    status                 varchar(16)   not null check (status in ('DRAFT', 'DEPLOYED', 'ARCHIVED')),
    bpmn_xml               text          not null,
    note                   text,
    created_by             varchar(255)  not null,
    created_at             timestamptz   not null default now(),
    deployed_by            varchar(255),
    deployed_at            timestamptz,
    process_definition_key bigint,
    primary key (automation_id, version)
);

-- At most one deployed version per automation.
create unique index automation_version_one_deployed on automation_version (automation_id) where status = 'DEPLOYED';

-- Runs started through the public API with an Idempotency-Key: the same key starts one run.
create table run_request (
    tenant_id       varchar(63)   not null,
    idempotency_key varchar(255)  not null,
    run_id          uuid          not null references run (id) on delete cascade,
    created_at      timestamptz   not null default now(),
    primary key (tenant_id, idempotency_key)
);

alter table automation enable row level security;
alter table automation force row level security;
create policy tenant_isolation on automation
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table automation_version enable row level security;
alter table automation_version force row level security;
create policy tenant_isolation on automation_version
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run_request enable row level security;
alter table run_request force row level security;
create policy tenant_isolation on run_request
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on automation, automation_version, run_request to ${appRole};
