-- What a use case's owner adds around its events: baselines (versioned, never changed once written),
-- annotations (what else changed, drawn on the charts) and the review log. Each row names who wrote it.

create table metrics.baselines (
    use_case_id    text             not null references metrics.use_cases (id),
    metric_key     text             not null,
    version        integer          not null,
    method         text             not null check (method in ('before-go-live', 'concurrent-human', 'manual')),
    value          double precision not null,
    standard_error double precision,
    low            double precision,
    high           double precision,
    sample_size    bigint,
    period_start   date,
    period_end     date,
    source         text,
    note           text,
    created_by     text             not null,
    created_at     timestamptz      not null default now(),
    primary key (use_case_id, metric_key, version)
);

create table metrics.annotations (
    id          bigint generated always as identity primary key,
    use_case_id text        not null references metrics.use_cases (id),
    date        date        not null,
    kind        text        not null,
    title       text        not null,
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null default now()
);
create index annotations_by_use_case on metrics.annotations (use_case_id, date);

create table metrics.reviews (
    id          bigint generated always as identity primary key,
    use_case_id text        not null references metrics.use_cases (id),
    reviewer    text        not null,
    date        date        not null,
    decision    text        not null check (decision in ('keep', 'adjust', 'retire')),
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null default now()
);
create index reviews_by_use_case on metrics.reviews (use_case_id, date);
