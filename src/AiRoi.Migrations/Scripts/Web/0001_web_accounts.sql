-- The web frontend owns its sign-in accounts; no other service reads them.
create schema if not exists web;
-- Local accounts. The password is kept only as an ASP.NET Core Identity PasswordHasher hash (PBKDF2 with a
-- per-hash salt and the iteration count inside the hash), so a stolen table gives no passwords.
create table web.accounts (
    id            uuid        primary key,
    -- Compared case-insensitively: "Ana" and "ana" are one account.
    user_name     text        not null,
    display_name  text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('admin', 'editor', 'viewer')),
    created_at    timestamptz not null default now(),
    disabled_at   timestamptz
);
create unique index accounts_user_name on web.accounts (lower(user_name));
