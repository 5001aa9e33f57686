-- What the experiment service keeps of the experiment events published by the use-case grains: every event once
-- (its id is the key, so a redelivered or republished event changes nothing), each subject's first exposure, and
-- per experiment, variant and metric the sufficient statistics, updated in the same transaction as the events
-- they count, so that results are read in O(variants) and always equal a recomputation from the outcomes.
create table experiments.outcomes (
    use_case_id   text        not null,
    event_id      text        not null,
    sequence      bigint      not null,
    experiment_id text        not null,
    variant       text        not null,
    subject_id    text,
    completed_at  timestamptz not null,
    event         jsonb       not null,
    primary key (use_case_id, event_id)
);
create index outcomes_by_experiment on experiments.outcomes (experiment_id, variant);

create table experiments.exposures (
    experiment_id    text        not null,
    subject_id       text        not null,
    variant          text        not null,
    first_exposed_at timestamptz not null,
    event_id         text        not null,
    primary key (experiment_id, subject_id)
);

create table experiments.variant_statistics (
    experiment_id  text             not null,
    variant        text             not null,
    metric_key     text             not null,
    n              bigint           not null,
    sum            double precision not null,
    sum_of_squares double precision not null,
    primary key (experiment_id, variant, metric_key)
);
