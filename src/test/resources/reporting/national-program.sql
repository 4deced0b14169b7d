-- A synthetic national program, for timing the dashboard (DashboardBenchmark, or psql -f on a
-- database migrated by the app): 100 hospitals, 2,000 departments, 250,000 roster physicians,
-- 10,000 supporters, 1,000,000 referrals over four years, 2,000,000 interactions and about
-- 1,000,000 survey answers from 600 closed program-evaluation campaigns. Plain SQL with
-- generate_series, no psql commands. Ids start at 10,000,001 so that the rows of a database in use
-- are left alone; names and e-mails are synthetic. Takes a few minutes on two cores.

create temporary table gen_base as
select timestamptz '2022-12-01 00:00:00+00' as start_at,
       (select id from survey_template where family = '6f1c2b7e-3a4d-4e5f-9a8b-0c1d2e3f4a5b' and revision = 1) as template_id;

insert into hospital (id, name, time_zone)
select 10000000 + h, 'Synthetic Medical Center ' || lpad(h::text, 3, '0'),
       (array['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'])[1 + h % 4]
from generate_series(1, 100) h;

-- 20 departments a hospital: department d belongs to hospital 1 + (d - 1) / 20.
insert into department (id, hospital_id, name)
select 10000000 + d, 10000000 + 1 + (d - 1) / 20,
       (array['Emergency Medicine', 'Internal Medicine', 'Surgery', 'Pediatrics', 'Obstetrics', 'Anesthesiology',
              'Radiology', 'Psychiatry', 'Neurology', 'Cardiology', 'Oncology', 'Orthopedics', 'Urology',
              'Dermatology', 'Ophthalmology', 'Pathology', 'Family Medicine', 'Hospital Medicine',
              'Critical Care', 'Nephrology'])[1 + (d - 1) % 20]
from generate_series(1, 2000) d;

-- 125 physicians a department: physician p belongs to department 1 + (p - 1) % 2000.
insert into physician (id, name, email, department_id, specialty, active)
select 10000000 + p, 'Synthetic Physician ' || p, 'synthetic.' || p || '@national.example.org',
       10000000 + 1 + (p - 1) % 2000, 'General', p % 50 <> 0
from generate_series(1, 250000) p;

-- 5 supporters a department (the physicians 1..10,000): most active and current, some lapsed,
-- paused or retired, and the departments 1..100 (mod 20 = 0) without any active one.
insert into supporter (id, physician_id, hospital_id, status, capacity, certified_on)
select 10000000 + s, 10000000 + s, 10000000 + 1 + ((s - 1) % 2000) / 20,
       case when s % 20 = 0 then 'RETIRED' when s % 17 = 0 then 'PAUSED'
            when ((s - 1) % 2000) % 20 = 19 then 'NOMINATED' else 'ACTIVE' end,
       3,
       case when ((s - 1) % 2000) % 20 = 19 then null
            else date '2026-11-01' - ((s * 37) % 900) end
from generate_series(1, 10000) s;

insert into supporter_department (supporter_id, department_id)
select 10000000 + s, 10000000 + 1 + (s - 1) % 2000 from generate_series(1, 10000) s;

-- One training session a hospital a quarter; each certified supporter completed every module in
-- the session nearest their certification date (before it).
insert into training_session (id, hospital_id, session_date, facilitator)
select 10000000 + (h - 1) * 16 + q, 10000000 + h, date '2022-12-15' + (q - 1) * 91, 'Synthetic facilitator'
from generate_series(1, 100) h, generate_series(1, 16) q;

insert into training_attendance (session_id, supporter_id)
select 10000000 + ((s.hospital_id - 10000001) * 16) + greatest(1, least(16, 1 + (s.certified_on - date '2022-12-15') / 91)),
       s.id
from supporter s where s.id > 10000000 and s.certified_on is not null;

insert into module_completion (session_id, supporter_id, module_id)
select a.session_id, a.supporter_id, m.id
from training_attendance a cross join training_module m
where a.supporter_id > 10000000 and m.required and m.active;

-- 1,000,000 referrals, evenly over four years. Referral r is about physician 1 + (r * 7919) % 250000,
-- so the newest 20,000 (the open ones) are all about different physicians.
create temporary table gen_referral as
select r,
       md5('synthetic referral ' || r)::uuid as id,
       10000000 + 1 + (r::bigint * 7919) % 250000 as physician_id,
       b.start_at + (r * interval '126 seconds') as created_at,
       (r % 23 = 0) as urgent,
       -- hours to first contact: mostly within a day, a long tail; about 6% never contacted
       case when r % 17 = 0 then null else ((r * 2654435761::bigint) % 1000) / 1000.0 * 30
                                            + case when r % 9 = 0 then 40 else 0 end end as contact_hours
from generate_series(1, 1000000) r, gen_base b;

insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent, status, outcome,
                      supporter_id, assigned_at, due_at, first_contact_at, closed_at, created_at)
select g.id, d.hospital_id, p.department_id, g.physician_id,
       (array['COLLEAGUE', 'COLLEAGUE', 'COLLEAGUE', 'SELF', 'LEADER', 'EVENT'])[1 + g.r % 6],
       (array['ADVERSE_EVENT', 'PATIENT_DEATH', 'LITIGATION', 'DIFFICULT_INTERACTION', 'BURNOUT', 'PERSONAL_OTHER',
              'BURNOUT', 'ADVERSE_EVENT'])[1 + (g.r / 7) % 8],
       g.urgent,
       case when g.r > 980000 then (case when g.contact_hours is null then 'ASSIGNED' else 'CONTACTED' end) else 'CLOSED' end,
       case when g.r > 980000 then null
            when g.contact_hours is null then (array['NO_RESPONSE', 'WITHDRAWN', 'DUPLICATE'])[1 + g.r % 3]
            else (array['SUPPORTED', 'SUPPORTED', 'SUPPORTED', 'DECLINED', 'ESCALATED'])[1 + g.r % 5] end,
       10000000 + 1 + (p.department_id - 10000001) + 2000 * (g.r % 5),
       g.created_at + interval '1 hour',
       g.created_at + interval '1 hour' + case when g.urgent then interval '4 hours' else interval '24 hours' end,
       g.created_at + g.contact_hours * interval '1 hour',
       case when g.r > 980000 then null else g.created_at + interval '20 days' end,
       g.created_at
from gen_referral g
join physician p on p.id = g.physician_id
join department d on d.id = p.department_id;

-- 2,000,000 interactions: 1,500,000 on the contacted cases (one to three each), 500,000 proactive
-- check-ins with physicians at random over the four years.
insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, referral_id, occurred_at, mode,
                         minutes, outcome, red_flag, escalation_action, logged_at)
select md5('synthetic interaction ' || i)::uuid, x.hospital_id, x.department_id, x.physician_id, x.supporter_id,
       x.referral_id, x.occurred_at,
       (array['IN_PERSON', 'PHONE', 'VIDEO', 'MESSAGE'])[1 + i % 4],
       15 + (i * 31) % 90,
       case when i % 20 < 12 then 'CONNECTED' when i % 20 < 17 then 'NO_RESPONSE' else 'DECLINED' end,
       (i % 20 < 12 and i % 53 = 0),
       case when i % 20 < 12 and i % 53 = 0 then 'WARM_HANDOFF' end,
       x.occurred_at + interval '1 hour'
from (
    select i,
           case when i <= 1500000 then 1 + (i - 1) % 1000000 else null end as case_no,
           case when i > 1500000 then 10000000 + 1 + (i::bigint * 104729) % 250000 end as random_physician
    from generate_series(1, 2000000) i
) k
cross join lateral (
    select r.hospital_id, r.department_id, r.physician_id, r.supporter_id, r.id as referral_id,
           coalesce(r.first_contact_at, r.created_at + interval '2 hours') + (k.i / 1000000) * interval '9 days' as occurred_at
    from referral r where k.case_no is not null and r.id = md5('synthetic referral ' || k.case_no)::uuid
    union all
    select d.hospital_id, p.department_id, p.id, 10000000 + 1 + (p.department_id - 10000001) + 2000 * (k.i % 5), null,
           (select start_at from gen_base) + ((k.i::bigint * 7727) % 1460) * interval '1 day' + (k.i % 24) * interval '1 hour'
    from physician p join department d on d.id = p.department_id
    where k.case_no is null and p.id = k.random_physician
) x;

-- 600 closed program-evaluation campaigns (six a hospital, every eight months), each of the
-- hospital's 20 departments; about 222,000 responses and 1,000,000 answers.
-- Closed campaigns keep the thresholds they closed with (V29): the program's defaults.
insert into survey_campaign (id, hospital_id, template_id, title, opens_on, closes_on, state, sent_count, failed_count,
                             opened_at, closed_at, min_group_size, min_free_text_size)
select md5('synthetic campaign ' || h || '/' || c)::uuid, 10000000 + h, b.template_id,
       'Program evaluation ' || c, date '2023-03-01' + (c - 1) * 240, date '2023-03-21' + (c - 1) * 240, 'CLOSED',
       2500, 0, timestamptz '2023-03-01 12:00+00' + (c - 1) * interval '240 days',
       timestamptz '2023-03-22 12:00+00' + (c - 1) * interval '240 days', 5, 10
from generate_series(1, 100) h, generate_series(1, 6) c, gen_base b;

insert into survey_campaign_department (campaign_id, department_id, invited)
select md5('synthetic campaign ' || h || '/' || c)::uuid, 10000000 + (h - 1) * 20 + d, 125
from generate_series(1, 100) h, generate_series(1, 6) c, generate_series(1, 20) d;

create temporary table gen_response as
select n, md5('synthetic response ' || n)::uuid as id,
       1 + (n - 1) % 100 as h, 1 + ((n - 1) / 100) % 6 as c,
       -- skewed, so some departments have fewer than five answers and are suppressed
       1 + (((n * 2654435761::bigint) % 1000) * ((n * 2654435761::bigint) % 1000) / 50000) % 20 as d,
       (n % 2 = 0) as had_interaction
from generate_series(1, 222000) n;

insert into survey_response (id, campaign_id, department_id, submitted_on)
select g.id, md5('synthetic campaign ' || g.h || '/' || g.c)::uuid, 10000000 + (g.h - 1) * 20 + g.d,
       date '2023-03-10' + (g.c - 1) * 240
from gen_response g;

insert into survey_answer (response_id, question_id, campaign_id, department_id, choice)
select g.id, q.id, md5('synthetic campaign ' || g.h || '/' || g.c)::uuid, 10000000 + (g.h - 1) * 20 + g.d,
       case q.position when 1 then (case when g.had_interaction then 1 else 0 end)
                       when 2 then (case when g.n % 7 = 0 then 0 else 1 end)
                       else 1 + (g.n * 31 + q.position * 17) % 5 end
from gen_response g
join survey_question q on q.template_id = (select template_id from gen_base)
where q.kind <> 'FREE_TEXT' and (q.shown_if_yes_to is null or g.had_interaction);

select setval(pg_get_serial_sequence('hospital', 'id'), (select max(id) from hospital));
select setval(pg_get_serial_sequence('department', 'id'), (select max(id) from department));
select setval(pg_get_serial_sequence('physician', 'id'), (select max(id) from physician));
select setval(pg_get_serial_sequence('supporter', 'id'), (select max(id) from supporter));
select setval(pg_get_serial_sequence('training_session', 'id'), (select max(id) from training_session));

analyze;
