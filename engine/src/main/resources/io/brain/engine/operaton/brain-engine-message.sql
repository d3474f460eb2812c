-- Messages published before a run waits for them, kept for their time to live (as Zeebe
-- buffers them); the open engine's adapter delivers each to the first run that waits.
create table if not exists brain_engine_message (
    id              uuid          primary key,
    tenant_id       varchar(63)   not null,
    name            varchar(255)  not null,
    correlation_key varchar(255)  not null,
    message_id      varchar(255),
    variables       text          not null,
    expires_at      timestamptz   not null,
    delivered       boolean       not null default false,
    claimed_until   timestamptz,
    created_at      timestamptz   not null default now()
);
create unique index if not exists brain_engine_message_id
    on brain_engine_message (tenant_id, message_id) where message_id is not null;
create index if not exists brain_engine_message_due on brain_engine_message (expires_at) where not delivered;
