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

alter table brain_engine_message enable row level security;
alter table brain_engine_message force row level security;
drop policy if exists tenant_isolation on brain_engine_message;
create policy tenant_isolation on brain_engine_message
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

-- The delivery round works across tenants: in one call it forgets expired messages (and with
-- them their message ids) and claims due ones of any tenant, which it then delivers each as
-- its tenant; nothing else.
create or replace function brain_engine_claim_messages(max_rows integer, claim_seconds integer)
    returns table (id uuid, tenant_id varchar, name varchar, correlation_key varchar, variables text)
    language sql volatile security definer set search_path = public
as $$
    delete from brain_engine_message where expires_at < now();
    update brain_engine_message m set claimed_until = now() + make_interval(secs => claim_seconds)
    where m.id in (select d.id from brain_engine_message d
                   where not d.delivered and d.expires_at > now()
                     and (d.claimed_until is null or d.claimed_until < now())
                   order by d.created_at limit max_rows for update skip locked)
    returning m.id, m.tenant_id, m.name, m.correlation_key, m.variables
$$;
