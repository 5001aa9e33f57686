-- Weekly digests sent: one row per owner, week and channel, taken before sending so that one instance sends it;
-- a send that fails removes its row, and the next check tries again.
create table metrics.digests_sent (
    owner_email text        not null,
    week_start  date        not null,
    channel     text        not null check (channel in ('email', 'webhook')),
    sent_at     timestamptz not null default now(),
    primary key (owner_email, week_start, channel)
);
