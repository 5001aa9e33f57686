-- The ingestion service owns API keys and import records.
create schema if not exists ingestion;
