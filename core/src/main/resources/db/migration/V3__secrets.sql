-- The embedded secret store: envelope encryption, never plaintext (docs/secrets.md).
-- Each value is encrypted with its own random data key (AES-256-GCM); the data key is
-- encrypted (wrapped) with the master key, which never reaches the database. Both take
-- "<tenant_id>\0<name>" as associated data, so a row's ciphertext copied to another secret
-- does not decrypt.
create table secret (
    tenant_id     varchar(63)  not null,  -- a tenant id, or '_platform' for the platform's own secrets
    name          varchar(200) not null,
    ciphertext    bytea        not null,  -- the value under the data key, with the 16-byte GCM tag
    nonce         bytea        not null check (octet_length(nonce) = 12),
    wrapped_key   bytea        not null check (octet_length(wrapped_key) = 48),  -- 32-byte key + tag
    key_nonce     bytea        not null check (octet_length(key_nonce) = 12),
    master_key_id varchar(64)  not null,  -- fingerprint of the wrapping master key, not the key
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    primary key (tenant_id, name)
);

alter table secret enable row level security;
alter table secret force row level security;
create policy tenant_isolation on secret
    using (tenant_id = current_setting('brain.tenant_id', true))
    with check (tenant_id = current_setting('brain.tenant_id', true));

grant select, insert, update, delete on secret to ${appRole};
