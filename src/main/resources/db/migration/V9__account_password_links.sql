-- One-time links to set a password: for a new account, or when an administrator resets one.
-- Only the SHA-256 hash of the link's token is kept; the token itself is in the e-mail alone.
create table password_link (
    token_hash  char(64)    primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index password_link_account_idx on password_link (account_id);
