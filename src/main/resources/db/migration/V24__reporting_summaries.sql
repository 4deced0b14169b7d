-- The dashboard's read model: counts that other modules' tables already hold, summed once by
-- ReportingRefresh instead of on every page view. The refresh runs every few minutes and the page
-- says when it last ran. Nothing here is a record of a person: no physician id, supporter id,
-- interaction id or note leaves the source tables.
--
-- Months are calendar months in the hospital's time zone (the first day of the month as a date).
-- Each summary keeps three grains in one relation, told apart by `grain`:
--   0 = per department, 1 = per hospital (department_id 0), 3 = whole program (hospital_id 0 too),
-- so a page reads a few hundred rows whichever view it shows.

create table report_refresh (
    id            smallint primary key check (id = 1),
    refreshed_at  timestamptz
);
insert into report_refresh (id, refreshed_at) values (1, null);

-- Departments now: adopted when an active supporter with current certification serves them, and
-- their active roster, the denominator of reach and coverage.
create materialized view report_department as
with adopted as (
    select distinct sd.department_id
    from supporter s
    join supporter_department sd on sd.supporter_id = s.id
    join hospital h on h.id = s.hospital_id
    cross join program_settings ps
    where s.status = 'ACTIVE'
      and s.certified_on <= (now() at time zone h.time_zone)::date
      and (now() at time zone h.time_zone)::date < s.certified_on + make_interval(months => ps.certification_valid_months)
), roster as (
    select department_id, count(*) as physicians from physician where active group by department_id
)
select d.id as department_id, d.hospital_id, (a.department_id is not null) as adopted,
       coalesce(r.physicians, 0)::bigint as physicians
from department d
join hospital h on h.id = d.hospital_id
left join adopted a on a.department_id = d.id
left join roster r on r.department_id = d.id
where d.active and h.active;
create unique index report_department_uq on report_department (department_id);
create index report_department_hospital_idx on report_department (hospital_id);

-- Supporters ever certified: when they first completed every required module, and whether their
-- certification is current today.
create materialized view report_supporter as
with first_done as (
    select mc.supporter_id, mc.module_id, min(ts.session_date) as done_on
    from module_completion mc
    join training_session ts on ts.id = mc.session_id
    join training_module tm on tm.id = mc.module_id
    where tm.required and tm.active
    group by mc.supporter_id, mc.module_id
), trained as (
    select supporter_id, max(done_on) as trained_on from first_done group by supporter_id
)
select s.id as supporter_id, s.hospital_id, least(coalesce(t.trained_on, s.certified_on), s.certified_on) as trained_on,
       (s.status <> 'RETIRED'
        and s.certified_on <= (now() at time zone h.time_zone)::date
        and (now() at time zone h.time_zone)::date < s.certified_on + make_interval(months => ps.certification_valid_months))
           as certified_now
from supporter s
join hospital h on h.id = s.hospital_id
cross join program_settings ps
left join trained t on t.supporter_id = s.id
where s.certified_on is not null;
create unique index report_supporter_uq on report_supporter (supporter_id);
create index report_supporter_hospital_idx on report_supporter (hospital_id);

-- Reach: physicians with at least one successful (CONNECTED) interaction, case or proactive.
-- One row per physician and month would need a DISTINCT on every view; instead each month a
-- physician was reached carries their previous such month, so the physicians reached from month
-- F to month T are the rows in F..T whose previous month is before F: a plain sum. The previous
-- month is taken at each grain on its own (department, hospital, program), so a physician reached
-- in two departments counts once for their hospital and once for the program.
-- Scope 0 counts every physician reached; scope 1 only those now on the active roster of an
-- adopted department they were reached in, so it never exceeds that roster, its denominator.
create materialized view report_reach as
with months as (
    select distinct i.physician_id, i.hospital_id, i.department_id,
           date_trunc('month', i.occurred_at at time zone h.time_zone)::date as month
    from interaction i
    join hospital h on h.id = i.hospital_id
    where i.outcome = 'CONNECTED'
), scoped as (
    select m.*, 0::smallint as scope from months m
    union all
    select m.*, 1::smallint from months m
    join report_department rd on rd.department_id = m.department_id and rd.adopted
    join physician p on p.id = m.physician_id and p.active and p.department_id = m.department_id
), levels as (
    select 0::smallint as grain, hospital_id, department_id, scope, month,
           lag(month) over (partition by scope, physician_id, department_id order by month) as prev_month
    from scoped
    union all
    select 1::smallint, hospital_id, 0::bigint, scope, month,
           lag(month) over (partition by scope, physician_id, hospital_id order by month)
    from (select distinct scope, physician_id, hospital_id, month from scoped) by_hospital
    union all
    select 3::smallint, 0::bigint, 0::bigint, scope, month,
           lag(month) over (partition by scope, physician_id order by month)
    from (select distinct scope, physician_id, month from scoped) by_program
)
select grain, hospital_id, department_id, scope, month, coalesce(prev_month, '-infinity'::date) as prev_month,
       count(*)::bigint as physicians
from levels
group by grain, hospital_id, department_id, scope, month, coalesce(prev_month, '-infinity'::date);
create unique index report_reach_uq on report_reach (grain, hospital_id, department_id, scope, month, prev_month);
create index report_reach_department_idx on report_reach (department_id, month) where grain = 0;

-- Interactions by month: all, successful, with a red flag (each one escalated), proactive check-ins.
create materialized view report_interaction as
with i as (
    select i.hospital_id, i.department_id, i.outcome, i.red_flag, i.referral_id,
           date_trunc('month', i.occurred_at at time zone h.time_zone)::date as month
    from interaction i
    join hospital h on h.id = i.hospital_id
)
select grouping(hospital_id, department_id)::smallint as grain, coalesce(hospital_id, 0) as hospital_id,
       coalesce(department_id, 0) as department_id, month,
       count(*)::bigint as interactions,
       count(*) filter (where outcome = 'CONNECTED')::bigint as connected,
       count(*) filter (where red_flag)::bigint as escalations,
       count(*) filter (where referral_id is null)::bigint as proactive
from i
group by grouping sets ((hospital_id, department_id, month), (hospital_id, month), (month));
create unique index report_interaction_uq on report_interaction (grain, hospital_id, department_id, month);
create index report_interaction_department_idx on report_interaction (department_id, month) where grain = 0;

-- Referrals by month (of receipt), source and trigger, with first contact against its due time:
-- the case's due_at when it was assigned, else receipt plus the program's target. A case counts
-- towards the share within target once it has been contacted or its due time has passed, unless
-- it was closed as withdrawn or a duplicate without contact.
create materialized view report_referral as
with r as (
    select r.hospital_id, r.department_id, r.source, r.trigger_kind, r.urgent, r.first_contact_at, r.outcome,
           date_trunc('month', r.created_at at time zone h.time_zone)::date as month,
           coalesce(r.due_at, r.created_at + make_interval(hours => case when r.urgent then ps.urgent_target_hours
                                                                         else ps.first_contact_target_hours end)) as due
    from referral r
    join hospital h on h.id = r.hospital_id
    cross join program_settings ps
)
select grouping(hospital_id, department_id)::smallint as grain, coalesce(hospital_id, 0) as hospital_id,
       coalesce(department_id, 0) as department_id, month, source, trigger_kind,
       count(*)::bigint as referrals,
       count(*) filter (where urgent)::bigint as urgent,
       count(*) filter (where first_contact_at is not null)::bigint as contacted,
       count(*) filter (where first_contact_at is not null
                           or (due < now() and coalesce(outcome, '') not in ('WITHDRAWN', 'DUPLICATE')))::bigint as due,
       count(*) filter (where first_contact_at <= due)::bigint as within_target
from r
group by grouping sets ((hospital_id, department_id, month, source, trigger_kind),
                        (hospital_id, month, source, trigger_kind),
                        (month, source, trigger_kind));
create unique index report_referral_uq on report_referral (grain, hospital_id, department_id, month, source, trigger_kind);
create index report_referral_department_idx on report_referral (department_id, month) where grain = 0;

-- Time from receipt to first contact, as a histogram in tenths of an hour (6 minutes, the
-- precision the page shows), from which the median and 90th percentile are read.
create materialized view report_first_contact as
with r as (
    select r.hospital_id, r.department_id,
           date_trunc('month', r.created_at at time zone h.time_zone)::date as month,
           -- Contacts are logged to the minute, so one may read up to a minute before receipt: zero.
           greatest(0, floor(extract(epoch from (r.first_contact_at - r.created_at)) / 360))::integer as tenths
    from referral r
    join hospital h on h.id = r.hospital_id
    where r.first_contact_at is not null
)
select grouping(hospital_id, department_id)::smallint as grain, coalesce(hospital_id, 0) as hospital_id,
       coalesce(department_id, 0) as department_id, month, tenths, count(*)::bigint as referrals
from r
group by grouping sets ((hospital_id, department_id, month, tenths), (hospital_id, month, tenths), (month, tenths));
create unique index report_first_contact_uq on report_first_contact (grain, hospital_id, department_id, month, tenths);
create index report_first_contact_department_idx on report_first_contact (department_id, month) where grain = 0;

-- Survey outcomes of closed program-evaluation campaigns: exactly the figures each campaign's own
-- results page shows (after its small-group and complementary suppression), per department and
-- for the whole campaign (department_id 0). Sums of figures already shown reveal no hidden group.
-- Filled by ReportingRefresh through the survey module's results, once per closed campaign.
create table report_survey_campaign (
    campaign_id     uuid primary key references survey_campaign (id) on delete cascade,
    min_group_size  integer not null
);

create table report_survey (
    campaign_id    uuid        not null references report_survey_campaign (campaign_id) on delete cascade,
    hospital_id    bigint      not null,
    department_id  bigint      not null,
    month          date        not null,
    measure        varchar(20) not null,
    yes            bigint      not null,
    answered       bigint      not null,
    primary key (campaign_id, department_id, measure)
);
create index report_survey_hospital_idx on report_survey (hospital_id, month);
create index report_survey_department_idx on report_survey (department_id, month) where department_id <> 0;
