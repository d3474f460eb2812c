-- Audit rows say who did what in words (issue 20): the action reads as a sentence after the
-- actor's name ("created API key 'ci'"), the target's kind is a word ("API key"), and the
-- target's name is kept beside its id. The name is part of the hash; concat_ws skips a null,
-- so rows without one (every row written before) hash as they did and their chains verify.

alter table audit_log add column target_name varchar(255);
alter table audit_log alter column action type varchar(500);
create index audit_log_tenant_target on audit_log (tenant_id, target_type, target_id);

create or replace function brain_audit_hash(entry audit_log) returns varchar
    language plpgsql immutable
as $$
begin
    return encode(sha256(convert_to(concat_ws('|',
        entry.id::text, entry.tenant_id, entry.actor_id, entry.actor_name, entry.actor_kind, entry.action,
        coalesce(entry.target_type, ''), coalesce(entry.target_id, ''), entry.target_name,
        to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(entry.request_id, ''), coalesce(entry.client_ip, ''), entry.outcome, entry.metadata::text,
        coalesce(entry.previous_hash, '')), 'UTF8')), 'hex');
end
$$;

-- Sealing may fill the chain columns only: the name is one of the contents it must leave alone.
create or replace function brain_audit_seal_only() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' and old.hash is null and new.hash is not null and new.chain_position is not null
            and (old.id, old.tenant_id, old.actor_id, old.actor_name, old.actor_kind, old.action,
                old.target_type, old.target_id, old.target_name, old.occurred_at, old.request_id, old.client_ip,
                old.outcome, old.metadata)
            is not distinct from (new.id, new.tenant_id, new.actor_id, new.actor_name, new.actor_kind,
                new.action, new.target_type, new.target_id, new.target_name, new.occurred_at, new.request_id,
                new.client_ip, new.outcome, new.metadata)
            and new.hash = brain_audit_hash(new) then
        return new;
    end if;
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end
$$;
