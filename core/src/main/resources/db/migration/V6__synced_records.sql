-- Records a sync fetched from a provider, normalized: what the client portal and searches show.
create table synced_record (
    tenant_id     varchar(63)   not null,
    connection_id uuid          not null references connector_connection (id) on delete cascade,
    resource      varchar(63)   not null,
    external_id   varchar(255)  not null,
    title         text,
    url           text,
    status        varchar(63),
    modified_at   timestamptz,
    data          jsonb         not null default '{}'::jsonb,
    synced_at     timestamptz   not null default now(),
    primary key (connection_id, resource, external_id)
);
create index synced_record_tenant_resource on synced_record (tenant_id, resource, modified_at desc);

alter table synced_record enable row level security;
alter table synced_record force row level security;
create policy tenant_isolation on synced_record
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on synced_record to ${appRole};
