-- Which tenant owns each process definition deployed to Zeebe. Workers resolve a job's tenant
-- from here (by the job's process definition key), never from process variables.
create table process_deployment (
    process_definition_key bigint       primary key,
    tenant_id              varchar(63)  not null,
    process_id             varchar(255) not null,
    engine_process_id      varchar(255) not null,
    version                integer      not null,
    deployment_key         bigint       not null,
    resource_name          varchar(255) not null,
    deployed_by            varchar(255) not null,
    deployed_at            timestamptz  not null default now()
);

create index process_deployment_tenant_process on process_deployment (tenant_id, process_id, version desc);

-- One run is one process instance started through Brain.
create table run (
    id                     uuid         primary key,
    tenant_id              varchar(63)  not null,
    process_id             varchar(255) not null,
    process_definition_key bigint,
    process_instance_key   bigint,
    state                  varchar(16)  not null,
    started_by             varchar(255) not null,
    started_at             timestamptz  not null,
    ended_at               timestamptz,
    error_message          text,
    input                  jsonb        not null,
    output                 jsonb
);

create index run_tenant_started on run (tenant_id, started_at desc);
