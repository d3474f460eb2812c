-- Engine ids are text (decision 0018): the open engine names definitions, deployments and runs
-- by UUIDs; a Camunda 8 cluster's numeric keys are kept in decimal. Brain's own tables name them
-- by what they are, whichever engine issued them; the exporter's run_* tables stay Zeebe's.
drop function brain_register_deployment(bigint, varchar, varchar, varchar, integer, bigint, varchar, varchar,
    timestamptz);
drop function brain_tenant_of_definition(bigint);

alter table process_deployment rename column process_definition_key to definition_id;
alter table process_deployment alter column definition_id type varchar(64) using definition_id::text;
alter table process_deployment rename column deployment_key to deployment_id;
alter table process_deployment alter column deployment_id type varchar(64) using deployment_id::text;

alter table run rename column process_definition_key to definition_id;
alter table run alter column definition_id type varchar(64) using definition_id::text;
alter table run rename column process_instance_key to instance_id;
alter table run alter column instance_id type varchar(64) using instance_id::text;

alter table automation_version rename column process_definition_key to definition_id;
alter table automation_version alter column definition_id type varchar(64) using definition_id::text;

alter table webhook_delivery alter column run_id type varchar(64) using run_id::text;
alter table automation_schedule alter column last_run_id type varchar(64) using last_run_id::text;

-- A definition id names whatever the engine says it names now: a Camunda 8 cluster's keys
-- restart when its data is reset, so a deployment overwrites an older registration of its id,
-- even one of another tenant; only the api calls this, with ids the engine has just confirmed.
create function brain_register_deployment(definition varchar, tenant varchar, process varchar,
        engine_process varchar, definition_version integer, deployment varchar, resource varchar,
        deployer varchar, deployed timestamptz) returns void
    language sql volatile security definer set search_path = public
as $$
    insert into process_deployment (definition_id, tenant_id, process_id, engine_process_id, version,
        deployment_id, resource_name, deployed_by, deployed_at)
    values (definition, tenant, process, engine_process, definition_version, deployment, resource, deployer,
        deployed)
    on conflict (definition_id) do update
        set tenant_id = excluded.tenant_id, process_id = excluded.process_id,
            engine_process_id = excluded.engine_process_id, version = excluded.version,
            deployment_id = excluded.deployment_id, resource_name = excluded.resource_name,
            deployed_by = excluded.deployed_by, deployed_at = excluded.deployed_at
        where (process_deployment.tenant_id, process_deployment.engine_process_id, process_deployment.deployment_id)
            is distinct from (excluded.tenant_id, excluded.engine_process_id, excluded.deployment_id)
$$;

-- The tenant that owns a process definition, for workers resolving a job's tenant.
create function brain_tenant_of_definition(definition varchar) returns varchar
    language sql stable security definer set search_path = public
as $$
    select tenant_id from process_deployment where definition_id = definition
$$;

grant execute on function brain_register_deployment(varchar, varchar, varchar, varchar, integer, varchar, varchar,
    varchar, timestamptz), brain_tenant_of_definition(varchar) to ${appRole};

-- The open engine names a message it keeps by a UUID and one it delivers at once not at all.
alter table webhook_delivery alter column message_key type varchar(64) using message_key::text;
alter table webhook_delivery add column message_already_published boolean not null default false;
update webhook_delivery set message_already_published = true where message_name is not null and message_key is null;
