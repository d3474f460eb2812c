-- A process definition key names whatever the engine says it names now. Keys restart when a
-- broker's data is reset, so a deployment overwrites an older registration of its key, even
-- one of another tenant; only the api calls this, with keys Zeebe has just confirmed.
create function brain_register_deployment(definition_key bigint, tenant varchar, process varchar,
        engine_process varchar, definition_version integer, deployment bigint, resource varchar,
        deployer varchar, deployed timestamptz) returns void
    language sql volatile security definer set search_path = public
as $$
    insert into process_deployment (process_definition_key, tenant_id, process_id, engine_process_id, version,
        deployment_key, resource_name, deployed_by, deployed_at)
    values (definition_key, tenant, process, engine_process, definition_version, deployment, resource, deployer,
        deployed)
    on conflict (process_definition_key) do update
        set tenant_id = excluded.tenant_id, process_id = excluded.process_id,
            engine_process_id = excluded.engine_process_id, version = excluded.version,
            deployment_key = excluded.deployment_key, resource_name = excluded.resource_name,
            deployed_by = excluded.deployed_by, deployed_at = excluded.deployed_at
        where (process_deployment.tenant_id, process_deployment.engine_process_id, process_deployment.deployment_key)
            is distinct from (excluded.tenant_id, excluded.engine_process_id, excluded.deployment_key)
$$;

grant execute on function brain_register_deployment(bigint, varchar, varchar, varchar, integer, bigint, varchar,
    varchar, timestamptz) to ${appRole};
