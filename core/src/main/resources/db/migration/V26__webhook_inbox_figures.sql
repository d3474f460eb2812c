-- The webhook inbox as the platform's metrics see it, across tenants: per tenant with a
-- listener, the deliveries waiting for the dispatcher and when the oldest of them arrived.
-- Counts and times only, never a delivery's content.
create function brain_webhook_inbox_figures()
    returns table (tenant_id varchar, waiting bigint, oldest_received_at timestamptz)
    language sql stable security definer set search_path = public
as $$
    select l.tenant_id, count(d.id), min(d.received_at)
    from (select distinct tenant_id from webhook_listener) l
    left join webhook_delivery d on d.tenant_id = l.tenant_id and d.status = 'RECEIVED'
    group by l.tenant_id
$$;

grant execute on function brain_webhook_inbox_figures() to ${appRole};
