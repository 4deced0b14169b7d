-- The summaries judge "now" by the app's clock, never by the database's: ReportingRefresh hands its
-- instant to the refresh's transaction as the setting peersupport.now, which report_now() reads
-- (outside a refresh it falls back to the database's clock). Rules compare instants from one clock
-- only, so the figures agree with the pages at any hour, including with PEERSUPPORT_CLOCK_START.
-- The views below are V24's (with V25's covering indexes) with now() replaced; report_reach reads
-- report_department, so it is dropped and made again with it.

create function report_now() returns timestamptz language sql stable as $$
    select coalesce(nullif(current_setting('peersupport.now', true), '')::timestamptz, now())
$$;

drop materialized view report_reach;
drop materialized view report_department;
drop materialized view report_supporter;
drop materialized view report_referral;

create materialized view report_department as
with adopted as (
    select distinct sd.department_id
    from supporter s
    join supporter_department sd on sd.supporter_id = s.id
    join hospital h on h.id = s.hospital_id
    cross join program_settings ps
    where s.status = 'ACTIVE'
      and s.certified_on <= (report_now() at time zone h.time_zone)::date
      and (report_now() at time zone h.time_zone)::date < s.certified_on + make_interval(months => ps.certification_valid_months)
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
        and s.certified_on <= (report_now() at time zone h.time_zone)::date
        and (report_now() at time zone h.time_zone)::date < s.certified_on + make_interval(months => ps.certification_valid_months))
           as certified_now
from supporter s
join hospital h on h.id = s.hospital_id
cross join program_settings ps
left join trained t on t.supporter_id = s.id
where s.certified_on is not null;
create unique index report_supporter_uq on report_supporter (supporter_id);
create index report_supporter_hospital_idx on report_supporter (hospital_id);

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
create index report_reach_read_idx on report_reach (grain, hospital_id, month, prev_month)
    include (scope, physicians);

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
                           or (due < report_now() and coalesce(outcome, '') not in ('WITHDRAWN', 'DUPLICATE')))::bigint as due,
       count(*) filter (where first_contact_at <= due)::bigint as within_target
from r
group by grouping sets ((hospital_id, department_id, month, source, trigger_kind),
                        (hospital_id, month, source, trigger_kind),
                        (month, source, trigger_kind));
create unique index report_referral_uq on report_referral (grain, hospital_id, department_id, month, source, trigger_kind);
create index report_referral_department_idx on report_referral (department_id, month) where grain = 0;
create index report_referral_read_idx on report_referral (grain, hospital_id, month)
    include (source, trigger_kind, referrals, contacted, due, within_target);
