-- Read-only keys: every request but a GET is refused. Organization-wide or scoped to use cases like any key.
alter table ingestion.api_keys add column read_only boolean not null default false;
