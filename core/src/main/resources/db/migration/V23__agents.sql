-- AI agents (issue 23): a tenant's agents under a stable key (their runs' process id is
-- brain-agent-<key>), each change of an agent's settings a new version that is never changed
-- after; their conversation memory per session; and the tokens they spent per day, for the
-- tenant's budgets. The api writes agents and versions; the workers write messages and usage.
create table agent (
    id              uuid          primary key,
    tenant_id       varchar(63)   not null,
    key             varchar(63)   not null,
    name            varchar(200)  not null,
    current_version integer       not null,
    created_by      varchar(255)  not null,
    created_at      timestamptz   not null default now(),
    updated_by      varchar(255)  not null,
    updated_at      timestamptz   not null default now(),
    unique (tenant_id, key),
    unique (tenant_id, name)
);

-- One row per version of an agent's settings (JSON: role, model, tools bound to connection ids,
-- schedule, delivery, limits; never a secret). Written once: the application role may not update.
create table agent_version (
    agent_id   uuid          not null references agent (id) on delete cascade,
    tenant_id  varchar(63)   not null,
    version    integer       not null,
    config     jsonb         not null,
    created_by varchar(255)  not null,
    created_at timestamptz   not null default now(),
    primary key (agent_id, version)
);

-- A conversation with an agent: a chat, or the runs of its schedule, a webhook or a start by
-- hand, so a scheduled agent sees what it did the week before.
create table agent_session (
    id              uuid          primary key,
    tenant_id       varchar(63)   not null,
    agent_id        uuid          not null references agent (id) on delete cascade,
    origin          varchar(16)   not null check (origin in ('CHAT', 'SCHEDULE', 'MANUAL', 'WEBHOOK')),
    title           varchar(200),
    started_by      varchar(255)  not null,
    created_at      timestamptz   not null default now(),
    last_message_at timestamptz   not null default now()
);

create index agent_session_recent on agent_session (agent_id, last_message_at desc);

-- The messages of a session, in the order they were said (id).
create table agent_message (
    id         bigint        generated always as identity primary key,
    tenant_id  varchar(63)   not null,
    agent_id   uuid          not null references agent (id) on delete cascade,
    session_id uuid          not null references agent_session (id) on delete cascade,
    role       varchar(16)   not null check (role in ('USER', 'ASSISTANT', 'TOOL_CALL', 'TOOL_RESULT')),
    content    jsonb         not null,
    run_id     varchar(64),
    created_at timestamptz   not null default now()
);

-- "The last N messages of a session" and "the last N of an agent", newest first.
create index agent_message_session_recent on agent_message (session_id, id desc);
create index agent_message_agent_recent on agent_message (agent_id, id desc);

-- Tokens spent per tenant, day, agent and model, for the tenant's daily and monthly budgets.
-- Not tied to the agent's row: deleting an agent does not give its tokens back to the budget.
create table agent_token_usage (
    tenant_id     varchar(63)   not null,
    day           date          not null,
    agent_id      uuid          not null,
    model         varchar(200)  not null,
    input_tokens  bigint        not null default 0 check (input_tokens >= 0),
    output_tokens bigint        not null default 0 check (output_tokens >= 0),
    primary key (tenant_id, day, agent_id, model)
);

alter table agent enable row level security;
alter table agent force row level security;
create policy tenant_isolation on agent
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table agent_version enable row level security;
alter table agent_version force row level security;
create policy tenant_isolation on agent_version
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table agent_session enable row level security;
alter table agent_session force row level security;
create policy tenant_isolation on agent_session
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table agent_message enable row level security;
alter table agent_message force row level security;
create policy tenant_isolation on agent_message
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

alter table agent_token_usage enable row level security;
alter table agent_token_usage force row level security;
create policy tenant_isolation on agent_token_usage
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on agent, agent_session to ${appRole};
grant select, insert, delete on agent_version, agent_message to ${appRole};
grant select, insert, update on agent_token_usage to ${appRole};
