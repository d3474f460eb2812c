-- A start whose answer was lost (a crash, a timeout) is looked up by the start key its run
-- carries before it is tried again: on Camunda 8 the key is a variable the exporter records.
create index run_variable_start_key on run_variable (tenant_id, (value #>> '{}'))
    where name = 'brainStartKey';

-- When the dispatcher last sent a delivery's start to an engine that does not take it in the
-- dispatcher's transaction (Camunda 8): a delivery still waiting with this set may have its run,
-- which is looked up by its start key before the delivery is started again.
alter table webhook_delivery add column start_attempted_at timestamptz;
