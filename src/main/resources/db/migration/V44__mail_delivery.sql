-- Whether the mail server takes the app's e-mails, for the administrator's outbox health: when
-- an e-mail was last handed over, and since when every attempt has failed (null while it works).
-- One row, written by every app instance; a send rewrites it only when this changes.
create table mail_delivery (
    id              smallint primary key default 1 check (id = 1),
    last_sent_at    timestamptz,
    failing_since   timestamptz,
    last_failure_at timestamptz
);
insert into mail_delivery (id) values (1);

-- The survey e-mails the mail server refused, counted for the outbox health (the waiting ones
-- have their index already).
create index survey_invitation_failed_idx on survey_invitation (id) where mail_state = 'FAILED';
