-- When each periodic job's latest round began: with several experiment services running, the first replica whose
-- timer finds a round due claims it here and the others skip (AiRoi.ServiceDefaults' PeriodicRounds).
create table experiments.periodic_rounds (
    job        text        primary key,
    started_at timestamptz not null
);
