-- The audit chain is sealed after the rows commit, not while they are written (decision 0014).
-- Chaining on insert took the tenant's chain lock until the writer committed, so every
-- audited request of a tenant waited for the previous one's commit and its WAL flush: under
-- load a lock holder waiting for a core held up all the others. Now a row is inserted
-- unsealed (no hash), and brain_audit_seal, run by the api every brain.audit.seal-interval,
-- gives the committed rows their place in the chain (chain_position), the hash of the row
-- before them and their own hash, with the same formula as before, so existing chains verify
-- unchanged. Rows stay append-only: the one update allowed fills the chain columns of an
-- unsealed row, with the hash its contents give.
alter table audit_log add column chain_position bigint;
alter table audit_log alter column hash drop not null;

-- Rows written so far were chained in id order within their tenant.
alter table audit_log disable trigger audit_log_no_update;
update audit_log a set chain_position = ordered.position
from (select id, row_number() over (partition by tenant_id order by id) as position from audit_log) ordered
where a.id = ordered.id;
alter table audit_log enable trigger audit_log_no_update;

drop index audit_log_tenant_chain;
create unique index audit_log_tenant_chain on audit_log (tenant_id, chain_position);
create index audit_log_unsealed on audit_log (id) where hash is null;

-- A new row is unsealed, whatever the writer sent for the chain columns.
drop trigger audit_log_chain on audit_log;
drop function brain_audit_chain();
create function brain_audit_unsealed() returns trigger
    language plpgsql
as $$
begin
    new.occurred_at := coalesce(new.occurred_at, now());
    new.chain_position := null;
    new.previous_hash := null;
    new.hash := null;
    return new;
end
$$;
create trigger audit_log_unsealed before insert on audit_log
    for each row execute function brain_audit_unsealed();

-- Updates and deletes are refused, but for sealing an unsealed row, which changes nothing
-- else and stores the hash its contents give.
drop trigger audit_log_no_update on audit_log;
create function brain_audit_seal_only() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' and old.hash is null and new.hash is not null and new.chain_position is not null
            and (old.id, old.tenant_id, old.actor_id, old.actor_name, old.actor_kind, old.action,
                old.target_type, old.target_id, old.occurred_at, old.request_id, old.client_ip, old.outcome,
                old.metadata)
            is not distinct from (new.id, new.tenant_id, new.actor_id, new.actor_name, new.actor_kind,
                new.action, new.target_type, new.target_id, new.occurred_at, new.request_id, new.client_ip,
                new.outcome, new.metadata)
            and new.hash = brain_audit_hash(new) then
        return new;
    end if;
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function brain_audit_seal_only();

-- Seals up to max_rows committed rows, oldest first, across tenants; one sealer at a time
-- (another call returns 0 at once, or waits its turn when wait is true). Returns how many it
-- sealed.
create function brain_audit_seal(max_rows integer, wait boolean) returns integer
    language plpgsql security definer set search_path = public
as $$
declare
    entry audit_log;
    head_position bigint;
    head_hash varchar;
    sealed integer := 0;
begin
    if wait then
        perform pg_advisory_xact_lock(hashtext('audit_log:seal'));
    elsif not pg_try_advisory_xact_lock(hashtext('audit_log:seal')) then
        return 0;
    end if;
    for entry in select * from audit_log where hash is null order by id limit max_rows loop
        select chain_position, hash into head_position, head_hash from audit_log
            where tenant_id = entry.tenant_id and chain_position is not null
            order by chain_position desc limit 1;
        entry.chain_position := coalesce(head_position, 0) + 1;
        entry.previous_hash := head_hash;
        entry.hash := brain_audit_hash(entry);
        update audit_log
            set chain_position = entry.chain_position, previous_hash = entry.previous_hash, hash = entry.hash
            where id = entry.id;
        sealed := sealed + 1;
    end loop;
    return sealed;
end
$$;
revoke execute on function brain_audit_seal(integer, boolean) from public;
grant execute on function brain_audit_seal(integer, boolean) to ${appRole};
