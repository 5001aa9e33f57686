-- Experiment definitions and their lifecycle. The document is the experiment as the API answers it (definition,
-- status, timestamps, decisions); the columns beside it are what queries filter on.
create table experiments.experiments (
    id          text        primary key,
    use_case_id text        not null,
    status      text        not null check (status in ('draft', 'running', 'stopped', 'concluded')),
    document    jsonb       not null,
    revision    integer     not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index experiments_by_use_case on experiments.experiments (use_case_id);
