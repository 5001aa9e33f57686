-- A key whose requests may name the person they act for (X-Acting-Person), recorded as the author of changes:
-- the web's own key, which writes for signed-in people (ADR-0024). Other keys are refused when they name one.
alter table ingestion.api_keys add column acts_for_people boolean not null default false;
