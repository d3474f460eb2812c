-- Every audit row's trigger hashes it. As a SQL function the hash was parsed and planned
-- anew on every call (PostgreSQL caches plans of PL/pgSQL, not of SQL functions), which cost
-- more than the rest of the insert. The same expression in PL/pgSQL gives the same hashes,
-- so existing chains verify unchanged.
create or replace function brain_audit_hash(entry audit_log) returns varchar
    language plpgsql immutable
as $$
begin
    return encode(sha256(convert_to(concat_ws('|',
        entry.id::text, entry.tenant_id, entry.actor_id, entry.actor_name, entry.actor_kind, entry.action,
        coalesce(entry.target_type, ''), coalesce(entry.target_id, ''),
        to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(entry.request_id, ''), coalesce(entry.client_ip, ''), entry.outcome, entry.metadata::text,
        coalesce(entry.previous_hash, '')), 'UTF8')), 'hex');
end
$$;
