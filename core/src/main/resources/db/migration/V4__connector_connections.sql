-- Named connections of a tenant to a provider. Non-secret fields live here; secret fields
-- (passwords, tokens, keys) live in the secret store under connections/<id>/<field>.
create table connector_connection (
    id             uuid          primary key,
    tenant_id      varchar(63)   not null,
    type           varchar(63)   not null,
    name           varchar(100)  not null,
    config         jsonb         not null,
    status         varchar(32)   not null default 'UNTESTED'
                       check (status in ('UNTESTED', 'OK', 'NEEDS_ATTENTION', 'NEEDS_RECONNECT')),
    status_message text,
    created_by     varchar(255)  not null,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    unique (tenant_id, name)
);

alter table connector_connection enable row level security;
alter table connector_connection force row level security;
create policy tenant_isolation on connector_connection
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on connector_connection to ${appRole};
