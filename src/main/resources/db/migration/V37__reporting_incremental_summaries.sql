-- The month-grained summaries (reach, interactions, referrals, first contact) become plain tables
-- that ReportingRefresh brings up to date where their sources changed since the last refresh, so a
-- refresh costs time in proportion to what changed, not to the size of the program. Same names,
-- columns and figures as the views of V26, so the dashboard reads them unchanged.
-- report_department and report_supporter (a row a department or supporter, summed in well under a
-- second) stay materialized views, refreshed in full each time.
--
-- Triggers on the source tables note what changed, whichever module writes: a slice (hospital,
-- month) of the interaction and referral summaries, and, as reach is counted per person, the
-- physician. The notes are a work queue, emptied by the refresh that uses them. Some changes alter
-- every month of a summary and ask for a rebuild from scratch instead (report_rebuild): a
-- hospital's time zone, the program's first-contact targets, and statements that change more than
-- 10,000 successful interactions or physicians at once (a bulk load).

-- The figures from scratch: V26's queries, as plain views. A rebuild copies them; tests compare.
create view report_reach_full as
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

create view report_interaction_full as
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

create view report_referral_full as
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

create view report_first_contact_full as
with r as (
    select r.hospital_id, r.department_id,
           date_trunc('month', r.created_at at time zone h.time_zone)::date as month,
           greatest(0, floor(extract(epoch from (r.first_contact_at - r.created_at)) / 360))::integer as tenths
    from referral r
    join hospital h on h.id = r.hospital_id
    where r.first_contact_at is not null
)
select grouping(hospital_id, department_id)::smallint as grain, coalesce(hospital_id, 0) as hospital_id,
       coalesce(department_id, 0) as department_id, month, tenths, count(*)::bigint as referrals
from r
group by grouping sets ((hospital_id, department_id, month, tenths), (hospital_id, month, tenths), (month, tenths));

-- The tables start as copies of the views' last refresh, so the dashboard shows figures at once;
-- the first refresh rebuilds them from scratch (report_rebuild below), which catches up on
-- anything written since.
create table report_reach_copy (like report_reach);
insert into report_reach_copy select * from report_reach;
create table report_interaction_copy (like report_interaction);
insert into report_interaction_copy select * from report_interaction;
create table report_referral_copy (like report_referral);
insert into report_referral_copy select * from report_referral;
create table report_first_contact_copy (like report_first_contact);
insert into report_first_contact_copy select * from report_first_contact;

drop materialized view report_reach;
drop materialized view report_interaction;
drop materialized view report_referral;
drop materialized view report_first_contact;

alter table report_reach_copy rename to report_reach;
alter table report_interaction_copy rename to report_interaction;
alter table report_referral_copy rename to report_referral;
alter table report_first_contact_copy rename to report_first_contact;

alter table report_reach add constraint report_reach_pk
    primary key (grain, hospital_id, department_id, scope, month, prev_month);
alter table report_reach alter column physicians set not null;
create index report_reach_department_idx on report_reach (department_id, month) where grain = 0;
create index report_reach_read_idx on report_reach (grain, hospital_id, month, prev_month)
    include (scope, physicians);

alter table report_interaction add constraint report_interaction_pk
    primary key (grain, hospital_id, department_id, month);
create index report_interaction_department_idx on report_interaction (department_id, month) where grain = 0;
create index report_interaction_read_idx on report_interaction (grain, hospital_id, month)
    include (interactions, connected, escalations, proactive);

alter table report_referral add constraint report_referral_pk
    primary key (grain, hospital_id, department_id, month, source, trigger_kind);
create index report_referral_department_idx on report_referral (department_id, month) where grain = 0;
create index report_referral_read_idx on report_referral (grain, hospital_id, month)
    include (source, trigger_kind, referrals, contacted, due, within_target);

alter table report_first_contact add constraint report_first_contact_pk
    primary key (grain, hospital_id, department_id, month, tenths);
create index report_first_contact_department_idx on report_first_contact (department_id, month) where grain = 0;
create index report_first_contact_read_idx on report_first_contact (grain, hospital_id, month, tenths)
    include (referrals);

-- What changed since the last refresh. Append only, without a key, so that writers never wait for
-- each other or for a refresh; the refresh deletes exactly the notes it has read.
create table report_slice_change (
    summary      varchar(20) not null check (summary in ('INTERACTION', 'REFERRAL')),
    hospital_id  bigint      not null,
    month        date        not null
);

-- Physicians whose reach may have changed: their successful interactions, or their place on the
-- roster (active, department), which decides whether they count among the adopted.
create table report_reach_change (
    physician_id  bigint not null
);

-- Reach's working state, read by ReportingRefresh only and never by a page: each physician's months
-- with a successful interaction as of the last refresh (what the interaction table holds, by
-- month), and whether the month counted among the adopted then. A refresh counts a changed
-- physician's difference, their months now less their months then, at the cost of their own
-- interactions: reach is per person, and a new month changes the previous month of the next.
create table report_reach_month (
    physician_id   bigint  not null,
    hospital_id    bigint  not null,
    department_id  bigint  not null,
    month          date    not null,
    adopted        boolean not null,
    primary key (physician_id, hospital_id, department_id, month)
);
create index report_reach_month_department_idx on report_reach_month (department_id);

create view report_reach_month_full as
select distinct i.physician_id, i.hospital_id, i.department_id,
       date_trunc('month', i.occurred_at at time zone h.time_zone)::date as month,
       coalesce(rd.adopted, false) and p.active and p.department_id = i.department_id as adopted
from interaction i
join hospital h on h.id = i.hospital_id
join physician p on p.id = i.physician_id
left join report_department rd on rd.department_id = i.department_id
where i.outcome = 'CONNECTED';

-- Summaries to rebuild from scratch at the next refresh: REACH, INTERACTION, REFERRAL or ALL.
create table report_rebuild (
    summary  varchar(20) primary key check (summary in ('ALL', 'REACH', 'INTERACTION', 'REFERRAL'))
);
insert into report_rebuild (summary) values ('ALL');

create function report_note_referrals() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into report_slice_change (summary, hospital_id, month)
        select distinct 'REFERRAL', n.hospital_id, date_trunc('month', n.created_at at time zone h.time_zone)::date
        from new_rows n join hospital h on h.id = n.hospital_id;
    elsif tg_op = 'DELETE' then
        insert into report_slice_change (summary, hospital_id, month)
        select distinct 'REFERRAL', o.hospital_id, date_trunc('month', o.created_at at time zone h.time_zone)::date
        from old_rows o join hospital h on h.id = o.hospital_id;
    else
        -- Only the columns the summaries read; the retention job blanking a context changes nothing.
        insert into report_slice_change (summary, hospital_id, month)
        select distinct 'REFERRAL', x.hospital_id, date_trunc('month', x.created_at at time zone h.time_zone)::date
        from old_rows o
        join new_rows n on n.id = o.id
        cross join lateral (values (o.hospital_id, o.created_at), (n.hospital_id, n.created_at)) x (hospital_id, created_at)
        join hospital h on h.id = x.hospital_id
        where (o.hospital_id, o.department_id, o.created_at, o.source, o.trigger_kind, o.urgent, o.first_contact_at,
               o.outcome, o.due_at)
              is distinct from
              (n.hospital_id, n.department_id, n.created_at, n.source, n.trigger_kind, n.urgent, n.first_contact_at,
               n.outcome, n.due_at);
    end if;
    return null;
end
$$;

create trigger report_referral_inserted after insert on referral referencing new table as new_rows
    for each statement execute function report_note_referrals();
create trigger report_referral_updated after update on referral referencing old table as old_rows new table as new_rows
    for each statement execute function report_note_referrals();
create trigger report_referral_deleted after delete on referral referencing old table as old_rows
    for each statement execute function report_note_referrals();

-- Each row as it was (old) and as it is (new): both months change. Reach only reads successful ones.
create function report_note_interactions() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into report_slice_change (summary, hospital_id, month)
        select distinct 'INTERACTION', n.hospital_id, date_trunc('month', n.occurred_at at time zone h.time_zone)::date
        from new_rows n join hospital h on h.id = n.hospital_id;
        if (select count(*) from (select 1 from new_rows where outcome = 'CONNECTED' limit 10001) c) > 10000 then
            insert into report_rebuild (summary) values ('REACH') on conflict do nothing;
        else
            insert into report_reach_change (physician_id)
            select distinct n.physician_id from new_rows n where n.outcome = 'CONNECTED';
        end if;
    elsif tg_op = 'DELETE' then
        insert into report_slice_change (summary, hospital_id, month)
        select distinct 'INTERACTION', o.hospital_id, date_trunc('month', o.occurred_at at time zone h.time_zone)::date
        from old_rows o join hospital h on h.id = o.hospital_id;
        if (select count(*) from (select 1 from old_rows where outcome = 'CONNECTED' limit 10001) c) > 10000 then
            insert into report_rebuild (summary) values ('REACH') on conflict do nothing;
        else
            insert into report_reach_change (physician_id)
            select distinct o.physician_id from old_rows o where o.outcome = 'CONNECTED';
        end if;
    else
        -- Only the columns the summaries read: a note or a follow-up date changes nothing.
        insert into report_slice_change (summary, hospital_id, month)
        select distinct 'INTERACTION', x.hospital_id, date_trunc('month', x.occurred_at at time zone h.time_zone)::date
        from old_rows o
        join new_rows n on n.id = o.id
        cross join lateral (values (o.hospital_id, o.occurred_at), (n.hospital_id, n.occurred_at)) x (hospital_id, occurred_at)
        join hospital h on h.id = x.hospital_id
        where (o.hospital_id, o.department_id, o.occurred_at, o.outcome, o.red_flag, o.referral_id is null)
              is distinct from
              (n.hospital_id, n.department_id, n.occurred_at, n.outcome, n.red_flag, n.referral_id is null);
        if (select count(*) from (select 1 from old_rows o join new_rows n on n.id = o.id
                                  where (o.outcome = 'CONNECTED' or n.outcome = 'CONNECTED')
                                    and (o.physician_id, o.hospital_id, o.department_id, o.occurred_at, o.outcome)
                                        is distinct from
                                        (n.physician_id, n.hospital_id, n.department_id, n.occurred_at, n.outcome)
                                  limit 10001) c) > 10000 then
            insert into report_rebuild (summary) values ('REACH') on conflict do nothing;
        else
            insert into report_reach_change (physician_id)
            select distinct x.physician_id
            from old_rows o
            join new_rows n on n.id = o.id
            cross join lateral (values (o.physician_id, o.outcome), (n.physician_id, n.outcome)) x (physician_id, outcome)
            where x.outcome = 'CONNECTED'
              and (o.physician_id, o.hospital_id, o.department_id, o.occurred_at, o.outcome)
                  is distinct from
                  (n.physician_id, n.hospital_id, n.department_id, n.occurred_at, n.outcome);
        end if;
    end if;
    return null;
end
$$;

create trigger report_interaction_inserted after insert on interaction referencing new table as new_rows
    for each statement execute function report_note_interactions();
create trigger report_interaction_updated after update on interaction
    referencing old table as old_rows new table as new_rows
    for each statement execute function report_note_interactions();
create trigger report_interaction_deleted after delete on interaction referencing old table as old_rows
    for each statement execute function report_note_interactions();

create function report_note_roster() returns trigger language plpgsql as $$
begin
    if (select count(*) from (select 1 from old_rows o join new_rows n on n.id = o.id
                              where (o.active, o.department_id) is distinct from (n.active, n.department_id)
                              limit 10001) c) > 10000 then
        insert into report_rebuild (summary) values ('REACH') on conflict do nothing;
    else
        insert into report_reach_change (physician_id)
        select n.id from old_rows o join new_rows n on n.id = o.id
        where (o.active, o.department_id) is distinct from (n.active, n.department_id);
    end if;
    return null;
end
$$;

create trigger report_physician_updated after update on physician
    referencing old table as old_rows new table as new_rows
    for each statement execute function report_note_roster();

-- A hospital's months move with its time zone; due times with the program's targets.
create function report_rebuild_all() returns trigger language plpgsql as $$
begin
    insert into report_rebuild (summary) values (tg_argv[0]) on conflict do nothing;
    return null;
end
$$;

create trigger report_hospital_zone_changed after update of time_zone on hospital
    for each row when (old.time_zone is distinct from new.time_zone) execute function report_rebuild_all('ALL');
create trigger report_targets_changed after update of first_contact_target_hours, urgent_target_hours
    on program_settings for each row
    when ((old.first_contact_target_hours, old.urgent_target_hours)
          is distinct from (new.first_contact_target_hours, new.urgent_target_hours))
    execute function report_rebuild_all('REFERRAL');

-- A refresh sums a slice's rows again through these.
create index referral_hospital_created_idx on referral (hospital_id, created_at);
create index interaction_reached_idx on interaction (physician_id, occurred_at)
    include (hospital_id, department_id) where outcome = 'CONNECTED';
-- Referrals not contacted become due as time passes, with no write to note it: a refresh finds
-- those whose due time fell since the last one through these.
create index referral_uncontacted_due_idx on referral (due_at) where first_contact_at is null;
create index referral_uncontacted_target_idx on referral (created_at) where first_contact_at is null and due_at is null;
-- The whole program's months are summed again from its hospitals' rows of those months.
create index report_interaction_month_idx on report_interaction (month)
    include (interactions, connected, escalations, proactive) where grain = 1;
create index report_referral_month_idx on report_referral (month)
    include (source, trigger_kind, referrals, urgent, contacted, due, within_target) where grain = 1;
create index report_first_contact_month_idx on report_first_contact (month) include (tenths, referrals) where grain = 1;
