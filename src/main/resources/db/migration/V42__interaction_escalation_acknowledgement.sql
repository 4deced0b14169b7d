-- A coordinator acknowledges an escalation, with a note of what was done. Once per escalation;
-- the contact itself is never changed.
create table escalation_acknowledgement (
    interaction_id   uuid primary key references interaction (id) on delete cascade,
    account_id       bigint       not null,
    acknowledged_at  timestamptz  not null,
    note             varchar(500) not null
);

-- The escalations waiting for an acknowledgement: written with the escalated contact, removed by
-- its acknowledgement. The home page counts them at every view, so the count costs what is
-- waiting, not the program's whole history. Escalations raised before this release were handled
-- without a record of it, and wait for nobody.
create table escalation_pending (
    interaction_id  uuid primary key references interaction (id) on delete cascade,
    hospital_id     bigint not null
);
create index escalation_pending_hospital_idx on escalation_pending (hospital_id);
