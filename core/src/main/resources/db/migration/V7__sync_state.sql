-- When each resource of a connection was last synced, so the next sync can ask the provider
-- only for what changed since (incremental), and when it was last read in full (a full read
-- is what notices records the provider deleted).
create table sync_state (
    tenant_id      varchar(63)   not null,
    connection_id  uuid          not null references connector_connection (id) on delete cascade,
    resource       varchar(63)   not null,
    last_synced_at timestamptz   not null,
    last_full_at   timestamptz   not null,
    primary key (connection_id, resource)
);

alter table sync_state enable row level security;
alter table sync_state force row level security;
create policy tenant_isolation on sync_state
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on sync_state to ${appRole};
