-- API keys for the write APIs. Only a SHA-256 hash of each key is kept: keys are 256-bit random secrets, so a
-- fast hash suffices (no dictionary to attack), and the plain key is shown once, when it is created.
create table ingestion.api_keys (
    id           uuid        primary key,
    name         text        not null,
    key_hash     bytea       not null unique,
    -- The first characters of the key, so a person can tell keys apart in a list without the secret.
    key_prefix   text        not null,
    -- Null: the key writes for every use case of the organization; otherwise only for the listed ones.
    use_case_ids text[],
    is_admin     boolean     not null default false,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);
