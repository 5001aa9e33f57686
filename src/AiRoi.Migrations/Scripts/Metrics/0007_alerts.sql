-- Alerts: rules say what to watch and where to send it; conditions are what holds for a use case now, each
-- occurrence a row from when it started to when it stopped; an alert is one rule told about one occurrence, which
-- the unique (rule_id, condition_id) makes once, whichever instance of the service sees it first; deliveries are
-- the attempts to send it, kept as the delivery log.
create table metrics.alert_rules (
    id           bigint generated always as identity primary key,
    use_case_id  text        references metrics.use_cases (id),   -- null: every use case of the organization
    kinds        text[]      not null check (cardinality(kinds) > 0),
    webhook_url  text        not null,
    secret       text        not null,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    deleted_at   timestamptz
);

create table metrics.alert_conditions (
    id             bigint generated always as identity primary key,
    use_case_id    text        not null,
    condition_key  text        not null,
    kind           text        not null,
    title          text        not null,
    detail         text        not null,
    opened_at      timestamptz not null default now(),
    closed_at      timestamptz
);
-- One open occurrence per condition of a use case.
create unique index alert_conditions_open on metrics.alert_conditions (use_case_id, condition_key) where closed_at is null;

create table metrics.alerts (
    id              bigint generated always as identity primary key,
    rule_id         bigint      not null references metrics.alert_rules (id),
    condition_id    bigint      not null references metrics.alert_conditions (id),
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    delivered_at    timestamptz,
    given_up_at     timestamptz,
    unique (rule_id, condition_id)
);
create index alerts_due on metrics.alerts (next_attempt_at) where delivered_at is null and given_up_at is null;

create table metrics.alert_deliveries (
    alert_id      bigint      not null references metrics.alerts (id),
    attempt       integer     not null,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         text,
    succeeded     boolean     not null,
    primary key (alert_id, attempt)
);
