-- Concluded experiments of each use case as the experiment service reported them. A shipped treatment's absolute
-- conversion lift (with its 95 % interval) is what ROI's revenue lift rests on instead of a before/after comparison;
-- the latest shipped one counts. Keyed by experiment, so a conclusion reported twice is kept once.
create table metrics.experiment_lifts (
    experiment_id text             primary key,
    use_case_id   text             not null references metrics.use_cases (id),
    decision      text             not null check (decision in ('ship', 'roll-back')),
    variant       text,
    absolute_lift double precision,
    low           double precision,
    high          double precision,
    concluded_at  timestamptz      not null,
    recorded_at   timestamptz      not null default now()
);
create index experiment_lifts_by_use_case on metrics.experiment_lifts (use_case_id, concluded_at desc);
