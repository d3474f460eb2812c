-- A start whose answer was lost (a crash, a timeout) is looked up by the start key its run
-- carries before it is tried again: on Camunda 8 the key is a variable the exporter records.
create index run_variable_start_key on run_variable (tenant_id, (value #>> '{}'))
    where name = 'brainStartKey';
