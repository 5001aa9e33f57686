-- AI cost from traces: the price book, the model calls received from OpenTelemetry traces, the links that tie a
-- trace to an outcome event, and the append-only cost ledger each use-case grain folds in like its events.

-- The price book. An entry is never changed: a new price is a new entry with a later effective_from, and the id is
-- the version a priced call records. built_in entries are list prices that come with AiRoi; any entry of the
-- organization's own for a model wins over them. model is an exact name or a pattern where * stands for any
-- characters; provider '*' means any provider.
create table metrics.model_prices (
    id                 bigserial   primary key,
    provider           text        not null,
    model              text        not null,
    usage_type         text        not null check (usage_type in ('input', 'cached-input', 'cache-creation', 'output', 'reasoning')),
    per_million_tokens numeric     not null check (per_million_tokens >= 0),
    currency           text        not null check (currency ~ '^[A-Z]{3}$'),
    effective_from     timestamptz not null,
    above_input_tokens bigint      check (above_input_tokens > 0),
    built_in           boolean     not null default false,
    created_by         text        not null,
    created_at         timestamptz not null default now()
);

-- Built-in list prices in USD per million tokens, as the providers published them; check them against your contract.
insert into metrics.model_prices (provider, model, usage_type, per_million_tokens, currency, effective_from, above_input_tokens, built_in, created_by)
select '*', model, usage_type, price, 'USD', '2025-01-01T00:00:00Z', above, true, 'built-in'
from (values
    ('gpt-4o*',            'input',          2.50,  null::bigint),
    ('gpt-4o*',            'cached-input',   1.25,  null),
    ('gpt-4o*',            'output',         10.00, null),
    ('gpt-4o-mini*',       'input',          0.15,  null),
    ('gpt-4o-mini*',       'cached-input',   0.075, null),
    ('gpt-4o-mini*',       'output',         0.60,  null),
    ('o3-mini*',           'input',          1.10,  null),
    ('o3-mini*',           'cached-input',   0.55,  null),
    ('o3-mini*',           'output',         4.40,  null),
    ('claude-3-5-sonnet*', 'input',          3.00,  null),
    ('claude-3-5-sonnet*', 'cached-input',   0.30,  null),
    ('claude-3-5-sonnet*', 'cache-creation', 3.75,  null),
    ('claude-3-5-sonnet*', 'output',         15.00, null),
    ('claude-3-5-haiku*',  'input',          0.80,  null),
    ('claude-3-5-haiku*',  'cached-input',   0.08,  null),
    ('claude-3-5-haiku*',  'cache-creation', 1.00,  null),
    ('claude-3-5-haiku*',  'output',         4.00,  null),
    ('gemini-1.5-pro*',    'input',          1.25,  null),
    ('gemini-1.5-pro*',    'input',          2.50,  128000),
    ('gemini-1.5-pro*',    'output',         5.00,  null),
    ('gemini-1.5-pro*',    'output',         10.00, 128000),
    ('gemini-1.5-flash*',  'input',          0.075, null),
    ('gemini-1.5-flash*',  'input',          0.15,  128000),
    ('gemini-1.5-flash*',  'output',         0.30,  null),
    ('gemini-1.5-flash*',  'output',         0.60,  128000)
) as built_in (model, usage_type, price, above);

-- Every model call received, once (a resent export is a duplicate). use_case_id and event_id are what the span
-- itself names; joined_use_case_id is set when the call's cost enters a use case's ledger.
create table metrics.ai_spans (
    trace_id              text        not null,
    span_id               text        not null,
    started_at            timestamptz not null,
    provider              text        not null,
    model                 text        not null,
    operation             text,
    input_tokens          bigint      not null,
    cached_input_tokens   bigint      not null,
    cache_creation_tokens bigint      not null,
    output_tokens         bigint      not null,
    reasoning_tokens      bigint      not null,
    reported_cost         numeric,
    use_case_id           text,
    event_id              text,
    received_at           timestamptz not null default now(),
    joined_use_case_id    text,
    primary key (trace_id, span_id)
);
create index ai_spans_waiting on metrics.ai_spans (trace_id) where joined_use_case_id is null;
create index ai_spans_waiting_named on metrics.ai_spans (use_case_id) where joined_use_case_id is null;

-- What ties a trace to an outcome event: a span of the trace that names both (its root, usually), or an outcome
-- event that names the trace. The first link of a trace holds.
create table metrics.trace_links (
    trace_id    text        primary key,
    use_case_id text        not null,
    event_id    text        not null,
    source      text        not null check (source in ('span', 'event')),
    linked_at   timestamptz not null default now()
);
create index trace_links_by_event on metrics.trace_links (use_case_id, event_id);

-- The cost ledger, append-only, numbered per use case by its grain (the single writer). 'priced', 'reported' and
-- 'unpriced' entries join one model call to its outcome event; 'repriced' entries record the change an explicit
-- recomputation with newer prices made (amount and unpriced_tokens are then differences).
create table metrics.ai_cost_ledger (
    use_case_id     text        not null,
    position        bigint      not null,
    event_id        text        not null,
    trace_id        text        not null,
    span_id         text        not null,
    kind            text        not null check (kind in ('priced', 'reported', 'unpriced', 'repriced')),
    amount          numeric     not null,
    unpriced_tokens bigint      not null default 0,
    model           text        not null,
    price_ids       bigint[]    not null default '{}',
    recorded_by     text        not null,
    recorded_at     timestamptz not null default now(),
    primary key (use_case_id, position)
);
create unique index ai_cost_ledger_one_join_per_call on metrics.ai_cost_ledger (trace_id, span_id) where kind <> 'repriced';
create index ai_cost_ledger_by_event on metrics.ai_cost_ledger (use_case_id, event_id);

-- Each model call with the use case and event it belongs to: what the span names itself when it names both, else
-- what its trace's link names (null while the trace has no link).
create view metrics.ai_spans_resolved as
select s.*,
       case when s.use_case_id is not null and s.event_id is not null then s.use_case_id else l.use_case_id end as owner_use_case_id,
       case when s.use_case_id is not null and s.event_id is not null then s.event_id else l.event_id end as owner_event_id
from metrics.ai_spans s
left join metrics.trace_links l on l.trace_id = s.trace_id;
