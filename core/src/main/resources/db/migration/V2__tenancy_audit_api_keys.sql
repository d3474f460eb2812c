-- Tenancy, row-level security, the audit log and API keys.
--
-- The application connects as ${appRole}: not the owner of any table, no BYPASSRLS. Each
-- connection states its tenant (set_config('brain.tenant_id', ...)) and every tenant table's
-- policy shows it only that tenant's rows. Lookups that must cross tenants before the tenant
-- is known (a job's definition, an API key) are narrow SECURITY DEFINER functions.

do $$
begin
    if not exists (select from pg_roles where rolname = '${appRole}') then
        create role ${appRole} login nosuperuser nocreatedb nocreaterole nobypassrls;
    end if;
end
$$;

-- Tenants: platform data, managed by platform admins only.
create table tenant (
    id          varchar(63)  primary key,
    name        varchar(200) not null,
    status      varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    created_by  varchar(255) not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

-- Row-level security on every tenant table.
alter table process_deployment enable row level security;
alter table process_deployment force row level security;
create policy tenant_isolation on process_deployment
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table run enable row level security;
alter table run force row level security;
create policy tenant_isolation on run
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

-- The tenant that owns a process definition, for workers resolving a job's tenant.
create function brain_tenant_of_definition(definition_key bigint) returns varchar
    language sql stable security definer set search_path = public
as $$
    select tenant_id from process_deployment where process_definition_key = definition_key
$$;

-- API keys: only a SHA-256 hash of the key is kept.
create table api_key (
    id           uuid          primary key,
    tenant_id    varchar(63)   not null,
    name         varchar(100)  not null,
    prefix       varchar(16)   not null,
    key_hash     varchar(64)   not null unique,
    permissions  text[]        not null,
    created_by   varchar(255)  not null,
    created_at   timestamptz   not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index api_key_tenant on api_key (tenant_id, created_at desc);

alter table api_key enable row level security;
alter table api_key force row level security;
create policy tenant_isolation on api_key
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

-- The key a caller presents, found by its hash before the tenant is known.
create function brain_find_api_key(presented_hash varchar)
    returns table (id uuid, tenant_id varchar, name varchar, permissions text[], created_by varchar,
                   expires_at timestamptz, revoked_at timestamptz)
    language sql stable security definer set search_path = public
as $$
    select id, tenant_id, name, permissions, created_by, expires_at, revoked_at
    from api_key where key_hash = presented_hash
$$;

-- The audit log: append-only, each row's hash chained to the previous row of its tenant.
create table audit_log (
    id            bigint        generated always as identity primary key,
    tenant_id     varchar(63)   not null,
    actor_id      varchar(255)  not null,
    actor_name    varchar(255)  not null,
    actor_kind    varchar(16)   not null check (actor_kind in ('USER', 'API_KEY', 'WORKER', 'SYSTEM', 'ANONYMOUS')),
    action        varchar(200)  not null,
    target_type   varchar(100),
    target_id     varchar(255),
    occurred_at   timestamptz   not null default now(),
    request_id    varchar(100),
    client_ip     varchar(64),
    outcome       varchar(16)   not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    metadata      jsonb         not null default '{}'::jsonb,
    previous_hash varchar(64),
    hash          varchar(64)   not null
);
create index audit_log_tenant_time on audit_log (tenant_id, occurred_at desc);

create function brain_audit_hash(entry audit_log) returns varchar
    language sql immutable
as $$
    select encode(sha256(convert_to(concat_ws('|',
        entry.id::text, entry.tenant_id, entry.actor_id, entry.actor_name, entry.actor_kind, entry.action,
        coalesce(entry.target_type, ''), coalesce(entry.target_id, ''),
        to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(entry.request_id, ''), coalesce(entry.client_ip, ''), entry.outcome, entry.metadata::text,
        coalesce(entry.previous_hash, '')), 'UTF8')), 'hex')
$$;

-- Chains each new row to the last row of its tenant; the advisory lock orders concurrent writers.
create function brain_audit_chain() returns trigger
    language plpgsql
as $$
begin
    perform pg_advisory_xact_lock(hashtext('audit_log:' || new.tenant_id));
    new.occurred_at := coalesce(new.occurred_at, now());
    select hash into new.previous_hash from audit_log
        where tenant_id = new.tenant_id order by id desc limit 1;
    new.hash := brain_audit_hash(new);
    return new;
end
$$;

create trigger audit_log_chain before insert on audit_log
    for each row execute function brain_audit_chain();

create function brain_audit_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function brain_audit_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function brain_audit_append_only();

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy tenant_isolation on audit_log
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

-- What the application may do.
grant usage on schema public to ${appRole};
grant select, insert, update, delete on process_deployment, run, api_key to ${appRole};
grant select, insert, update on tenant to ${appRole};
grant select, insert on audit_log to ${appRole};
grant execute on function brain_tenant_of_definition(bigint), brain_find_api_key(varchar),
    brain_audit_hash(audit_log) to ${appRole};
