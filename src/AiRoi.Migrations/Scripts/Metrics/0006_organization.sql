-- The organization's own settings: one row. Its currency is what every use case's money is in unless the use case
-- names another (unitEconomics.currency); the portfolio adds up only amounts in it.
create table metrics.organization (
    singleton  boolean     primary key default true check (singleton),
    currency   text        not null check (currency ~ '^[A-Z]{3}$'),
    updated_by text        not null,
    updated_at timestamptz not null default now()
);
insert into metrics.organization (currency, updated_by) values ('USD', 'default');
