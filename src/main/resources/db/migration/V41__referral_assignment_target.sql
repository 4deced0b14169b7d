-- Time to assignment: a referral should be given to a supporter within this many hours of its
-- receipt (urgent ones sooner). The clock starts at receipt; the first-contact target then starts
-- at assignment, as before.
alter table program_settings
    add column assign_target_hours        integer not null default 24 check (assign_target_hours between 1 and 720),
    add column urgent_assign_target_hours integer not null default 2 check (urgent_assign_target_hours between 1 and 168);

-- One overdue e-mail per case and stage: a case overdue for assignment may later be overdue for
-- its first contact too. The notices sent so far were all about first contact.
alter table referral_overdue_notice
    add column stage varchar(20) not null default 'FIRST_CONTACT' check (stage in ('ASSIGNMENT', 'FIRST_CONTACT'));
alter table referral_overdue_notice drop constraint referral_overdue_notice_pkey;
alter table referral_overdue_notice add primary key (referral_id, stage);
