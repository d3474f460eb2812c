-- Webhook listeners and their inbox of deliveries.
--
-- A listener is addressed by an unguessable public id (POST /hooks/{public_id}); its secret
-- lives in the secret store, never here. A delivery is written once its signature checked,
-- in the same transaction as the 2xx it is answered with, and dispatched to Zeebe after.

create table webhook_listener (
    id                   uuid          primary key,
    tenant_id            varchar(63)   not null,
    public_id            varchar(64)   not null unique,
    name                 varchar(100)  not null,
    provider             varchar(16)   not null
        check (provider in ('STRIPE', 'SHOPIFY', 'WOOCOMMERCE', 'GITHUB', 'HMAC_SHA256', 'BEARER')),
    automation_key       varchar(100)  not null,
    event_types          text[]        not null default '{}',
    signature_header     varchar(100),
    signature_encoding   varchar(8)    check (signature_encoding in ('HEX', 'BASE64')),
    event_type_pointer   varchar(200),
    event_id_header      varchar(100),
    created_by           varchar(255)  not null,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    unique (tenant_id, name)
);

create table webhook_delivery (
    id                uuid          primary key,
    tenant_id         varchar(63)   not null,
    listener_id       uuid          not null references webhook_listener (id) on delete cascade,
    status            varchar(16)   not null check (status in ('RECEIVED', 'IGNORED', 'DISPATCHED', 'FAILED')),
    event_type        varchar(255),
    provider_event_id varchar(255)  not null,
    headers           jsonb         not null,
    payload           text          not null,
    content_type      varchar(255),
    received_at       timestamptz   not null default now(),
    attempts          integer       not null default 0,
    next_attempt_at   timestamptz   not null default now(),
    last_error        text,
    run_id            uuid,
    dispatched_at     timestamptz,
    replay_of         uuid          references webhook_delivery (id) on delete set null
);

-- The provider's event id is taken once per listener; replays are copies that share it.
create unique index webhook_delivery_event on webhook_delivery (listener_id, provider_event_id)
    where replay_of is null;
create index webhook_delivery_listener on webhook_delivery (listener_id, received_at desc);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'RECEIVED';

alter table webhook_listener enable row level security;
alter table webhook_listener force row level security;
create policy tenant_isolation on webhook_listener
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table webhook_delivery enable row level security;
alter table webhook_delivery force row level security;
create policy tenant_isolation on webhook_delivery
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

-- The listener a public id addresses, found before the tenant is known: the ingress takes
-- the tenant from this row and nowhere else.
create function brain_find_webhook_listener(presented_public_id varchar)
    returns table (id uuid, tenant_id varchar)
    language sql stable security definer set search_path = public
as $$
    select id, tenant_id from webhook_listener where public_id = presented_public_id
$$;

-- Deliveries waiting for the dispatcher, across tenants: ids and tenants only; the
-- dispatcher reads and locks each row within its tenant.
create function brain_webhook_deliveries_due(max_count integer)
    returns table (id uuid, tenant_id varchar)
    language sql stable security definer set search_path = public
as $$
    select id, tenant_id from webhook_delivery
    where status = 'RECEIVED' and next_attempt_at <= now()
    order by next_attempt_at
    limit max_count
$$;

grant select, insert, update, delete on webhook_listener, webhook_delivery to ${appRole};
grant execute on function brain_find_webhook_listener(varchar), brain_webhook_deliveries_due(integer)
    to ${appRole};
