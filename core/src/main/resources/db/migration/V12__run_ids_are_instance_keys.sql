-- A run's public id is its process instance key (decision 0008): deliveries and schedules
-- point at runs by that key, which also covers runs the engine started by itself.
alter table webhook_delivery alter column run_id type bigint using null;
alter table automation_schedule alter column last_run_id type bigint using null;
