-- The metrics service owns the use-case registry, the outcome-event log and the grain snapshots.
create schema if not exists metrics;
