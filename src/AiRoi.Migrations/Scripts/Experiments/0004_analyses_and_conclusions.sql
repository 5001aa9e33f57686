-- The periodic analysis keeps its latest finding per experiment: when it ran, why the experiment is ready for a
-- decision (empty when it is not), and the results it computed, so the flag survives restarts and lists can show it.
create table experiments.analyses (
    experiment_id      text        primary key references experiments.experiments (id),
    analyzed_at        timestamptz not null,
    ready_for_decision jsonb       not null,
    results            jsonb       not null
);

-- A concluded experiment's decision (and a shipped treatment's conversion lift) goes to the metrics service, which
-- counts it in the use case's ROI; this says when the broker confirmed it. Null means it is published again.
alter table experiments.experiments add column conclusion_published_at timestamptz;
create index experiments_conclusions_unpublished on experiments.experiments (id) where status = 'concluded' and conclusion_published_at is null;
