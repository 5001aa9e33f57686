-- Refused events, counted per UTC day, use case, source and reason, so the data page can say what was refused and
-- why. A batch or a CSV file is refused whole (ADR-0009): each of its events is counted under the use case it names
-- and the code of its first error, or 'refused-with-batch' when it had none of its own. use_case_id is the id as
-- the events gave it (registered or not); '' when none could be read.
create table ingestion.rejections (
    use_case_id text        not null,
    day         date        not null,
    source      text        not null check (source in ('events', 'csv')),
    code        text        not null,
    requests    bigint      not null check (requests > 0),
    events      bigint      not null check (events >= 0),
    last_at     timestamptz not null,
    -- The latest message for this counter, to show what to fix.
    example     text        not null,
    primary key (use_case_id, day, source, code)
);

create index rejections_by_day on ingestion.rejections (day);
