-- One contact between a peer supporter and a physician: on a case (referral_id set) or a proactive
-- check-in (referral_id null). Which red flag was seen is not stored, only that one was and what was
-- done about it: the program needs the count, and nobody needs the detail in a deposition.
create table interaction (
    id                 uuid primary key,
    hospital_id        bigint      not null references hospital (id),
    department_id      bigint      not null references department (id),
    physician_id       bigint      not null references physician (id),
    supporter_id       bigint      not null references supporter (id),
    referral_id        uuid references referral (id),
    occurred_at        timestamptz not null,
    mode               varchar(20) not null check (mode in ('IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE')),
    minutes            integer     not null check (minutes between 1 and 1440),
    -- CONNECTED is a successful interaction.
    outcome            varchar(20) not null check (outcome in ('CONNECTED', 'NO_RESPONSE', 'DECLINED')),
    red_flag           boolean     not null,
    escalation_action  varchar(30) check (escalation_action in ('ADVISED', 'WARM_HANDOFF', 'EMERGENCY_SERVICES')),
    follow_up_on       date,
    logged_at          timestamptz not null,
    -- The form's one-time key: a submit sent twice (a double tap, a retry on a bad line) logs one contact.
    submission_key     uuid unique,
    constraint interaction_red_flag_escalated check (red_flag = (escalation_action is not null))
);
create index interaction_referral_idx on interaction (referral_id, occurred_at) where referral_id is not null;
-- A later contact of the same supporter with the same physician answers a follow-up.
create index interaction_supporter_idx on interaction (supporter_id, physician_id, occurred_at desc);
-- My contacts, newest first; and a supporter's follow-ups.
create index interaction_mine_idx on interaction (supporter_id, occurred_at desc, logged_at desc);
create index interaction_supporter_follow_up_idx on interaction (supporter_id, follow_up_on)
    where follow_up_on is not null;
create index interaction_hospital_idx on interaction (hospital_id, occurred_at);
create index interaction_follow_up_idx on interaction (follow_up_on) where follow_up_on is not null;
-- The coordinators' Escalations page: their hospitals' escalated contacts, newest first.
create index interaction_escalated_idx on interaction (hospital_id, occurred_at desc) where red_flag;
create index interaction_escalated_all_idx on interaction (occurred_at desc) where red_flag;

-- The resources a red flag was escalated to.
create table interaction_resource (
    interaction_id  uuid   not null references interaction (id),
    resource_id     bigint not null references resource (id),
    primary key (interaction_id, resource_id)
);

-- The optional note, readable by its author only, deleted for real after the retention period.
-- The author is the account that wrote it: relinking a physician to another account reads nothing.
create table interaction_note (
    interaction_id     uuid          primary key references interaction (id),
    author_account_id  bigint        not null references account (id),
    body               varchar(1000) not null,
    written_at         timestamptz   not null
);
create index interaction_note_written_idx on interaction_note (written_at);

-- One follow-up e-mail per supporter per day: a second run, or a second instance, inserts nothing.
create table follow_up_notice (
    supporter_id  bigint not null references supporter (id),
    day           date   not null,
    primary key (supporter_id, day)
);
