-- Sign-in throttling replaces the hard lockout of V2, which anyone could trigger against anyone
-- (five wrong passwords every fifteen minutes). Failures fill a leaky bucket per e-mail address
-- and per client address; past a limit each further failure delays the next attempt, longer and
-- longer (account.security.SignInThrottle). Kept here, so every instance of the app shares it.
--   key: 'account:' and the SHA-256 of the normalised e-mail (an address nobody has is throttled
--        the same way, and the table keeps no typed address), or 'client:' and the IP address.
create table sign_in_throttle (
    key            varchar(80)      primary key,
    level          double precision not null,
    last_failure   timestamptz      not null,
    blocked_until  timestamptz
);
create index sign_in_throttle_last_failure_idx on sign_in_throttle (last_failure);

alter table account drop column failed_attempts, drop column locked_until;
