-- The outcome-event log, the source of truth: grain state and experiment tables are rebuilt from it.
--
-- event_ids holds one row per (use case, event id): it is where duplicates are detected (a unique index cannot
-- span the monthly partitions of outcome_events unless it includes the partition key, and the same event id
-- must count once whatever its timestamps say). Each use case's sequence is gap-free: its grain is the only
-- writer and numbers only the events it inserts.
create table metrics.event_ids (
    use_case_id text   not null,
    event_id    text   not null,
    sequence    bigint not null,
    primary key (use_case_id, event_id),
    unique (use_case_id, sequence)
);

-- Partitioned by the month the outcome completed; the grain creates a month's partition before writing to it.
create table metrics.outcome_events (
    use_case_id  text        not null,
    sequence     bigint      not null,
    event_id     text        not null,
    completed_at timestamptz not null,
    received_at  timestamptz not null default now(),
    event        jsonb       not null,
    primary key (use_case_id, sequence, completed_at)
) partition by range (completed_at);

-- Reporting reads a use case's events by time.
create index outcome_events_by_time on metrics.outcome_events (use_case_id, completed_at);

-- A grain's state as of a sequence number; on activation it loads this and replays the log after it.
create table metrics.use_case_snapshots (
    use_case_id     text        primary key,
    sequence        bigint      not null,
    published_up_to bigint      not null default 0,
    state           jsonb       not null,
    taken_at        timestamptz not null default now()
);
