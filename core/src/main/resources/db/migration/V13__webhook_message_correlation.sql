-- A webhook listener either starts a run of its automation (START) or publishes a message
-- that resumes a waiting run (CORRELATE): the message's name, and where its correlation key
-- is in each delivery (a JSON pointer into the payload, or a header).
alter table webhook_listener
    add column mode                    varchar(16)   not null default 'START'
        check (mode in ('START', 'CORRELATE')),
    add column message_name            varchar(100),
    add column correlation_key_pointer varchar(200),
    add column correlation_key_header  varchar(100),
    add constraint webhook_listener_correlation check (
        (mode = 'START' and message_name is null and correlation_key_pointer is null
            and correlation_key_header is null)
        or (mode = 'CORRELATE' and message_name is not null
            and (correlation_key_pointer is null) <> (correlation_key_header is null)));

-- What a dispatched delivery published instead of starting a run: the message's name (as the
-- tenant wrote it, without the engine's namespace), its correlation key and id, and the key
-- the engine gave it (null when the engine had the id already, from an earlier try).
alter table webhook_delivery
    add column message_name     varchar(100),
    add column correlation_key  varchar(255),
    add column message_id       varchar(255),
    add column message_key      bigint;
