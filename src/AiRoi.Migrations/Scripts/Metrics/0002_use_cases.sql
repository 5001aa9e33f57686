-- The use-case registry. The definition is the use case as the API accepts and returns it (camelCase JSON,
-- validated by AiRoi.Domain's UseCaseValidator before it is written); the columns beside it are what queries
-- filter and sort on.
create table metrics.use_cases (
    id          text        primary key,
    definition  jsonb       not null,
    archived    boolean     not null default false,
    revision    integer     not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
