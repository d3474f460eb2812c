-- Every webhook looks its listener up by address: one call now answers the whole row, so the
-- ingress needs no second query (and no count of the listener's deliveries).
drop function brain_find_webhook_listener(varchar);
create function brain_find_webhook_listener(presented_public_id varchar)
    returns setof webhook_listener
    language sql stable security definer set search_path = public
as $$
    select * from webhook_listener where public_id = presented_public_id
$$;
grant execute on function brain_find_webhook_listener(varchar) to ${appRole};

-- Each audit row reads the last hash of its tenant's chain: by id, within the tenant.
create index audit_log_tenant_chain on audit_log (tenant_id, id desc);
