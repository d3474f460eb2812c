-- An agent's schedule is a schedule like an automation's, fired by the same firing: a schedule
-- starts runs of either an automation or an agent, never both. One schedule per agent; it goes
-- with its agent.
alter table automation_schedule alter column automation_key drop not null;
alter table automation_schedule add column agent_id uuid references agent (id) on delete cascade;
alter table automation_schedule add constraint automation_schedule_one_target
    check ((automation_key is null) <> (agent_id is null));
create unique index automation_schedule_agent on automation_schedule (agent_id) where agent_id is not null;
