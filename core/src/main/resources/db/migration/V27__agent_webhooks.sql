-- A webhook listener starts runs of an automation or of an agent, never both. An agent's
-- listener only starts runs (a message to waiting runs needs an automation's BPMN). It goes
-- with its agent.
alter table webhook_listener alter column automation_key drop not null;
alter table webhook_listener add column agent_id uuid references agent (id) on delete cascade;
alter table webhook_listener add constraint webhook_listener_one_target
    check ((automation_key is null) <> (agent_id is null));
alter table webhook_listener add constraint webhook_listener_agent_starts
    check (agent_id is null or mode = 'START');
