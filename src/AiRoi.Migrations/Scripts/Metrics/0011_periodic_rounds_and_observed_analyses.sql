-- When each periodic job's latest round began: with several metrics silos running, the first whose timer finds a
-- round due claims it here and the others skip (AiRoi.ServiceDefaults' PeriodicRounds).
create table metrics.periodic_rounds (
    job        text        primary key,
    started_at timestamptz not null
);

-- The latest analysis of each experiment whose conditions were observed: with competing consumers an older analysis
-- can arrive after a newer one, and is then ignored rather than reopening a condition the newer one closed.
create table metrics.observed_analyses (
    experiment_id text        primary key,
    analyzed_at   timestamptz not null
);
