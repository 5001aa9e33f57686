-- The experiment service owns experiment definitions, exposures and per-variant sufficient statistics.
create schema if not exists experiments;
