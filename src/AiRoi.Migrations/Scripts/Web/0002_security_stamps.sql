-- A value every sign-in cookie of the account carries; changing it (at sign-out, at a password change) ends every
-- cookie issued before at once, on every device.
alter table web.accounts add column security_stamp uuid not null default gen_random_uuid();
