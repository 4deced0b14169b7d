package org.peersupport.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One refresh of the summaries (V37), inside the caller's transaction. Interactions, referrals and
 * first contact are summed again for the slices (a hospital's month) whose source rows changed
 * since the last refresh, as V37's triggers noted them, and for the months of cases that became
 * due meanwhile; reach, which counts people, by the difference each changed physician makes. A
 * summary is rebuilt from scratch when a change alters all of it. The caller runs this in one
 * repeatable-read transaction, so the notes it consumes and the rows it reads are of the same
 * moment: a note committed later is left for the next refresh.
 */
final class SummaryUpdate {

    /** The summaries, as V37's report_rebuild names them. */
    enum Summary {
        REACH("report_reach", "report_reach_month"),
        INTERACTION("report_interaction"),
        REFERRAL("report_referral", "report_first_contact");

        final List<String> tables;

        Summary(String... tables) {
            this.tables = List.of(tables);
        }
    }

    /** What a refresh did, for the log and for tests. */
    record Outcome(Set<Summary> rebuilt, int interactionSlices, int referralSlices, int reachPhysicians,
            int departmentsChangingAdoption) {

        boolean rebuilt(String table) {
            return rebuilt.stream().anyMatch(summary -> summary.tables.contains(table));
        }

        @Override
        public String toString() {
            return "rebuilt " + (rebuilt.isEmpty() ? "none" : rebuilt) + ", " + interactionSlices
                    + " interaction and " + referralSlices + " referral slices, reach of " + reachPhysicians
                    + " physicians, " + departmentsChangingAdoption + " departments changing adoption";
        }
    }

    /**
     * Beyond this many slices (of some 5,000 hospital months in a national program), or physicians,
     * a summary is rebuilt from scratch rather than summed again slice by slice or person by person.
     */
    static final int MAX_SLICES = 1_000;

    static final int MAX_PHYSICIANS = 50_000;

    private final JdbcTemplate jdbc;

    SummaryUpdate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Brings the summaries up to date at {@code now}, the instant report_now() gives. */
    Outcome run(Instant now) {
        Timestamp last = jdbc.queryForObject("select refreshed_at from report_refresh where id = 1", Timestamp.class);
        Set<Summary> rebuild = EnumSet.noneOf(Summary.class);
        List<String> asked = jdbc.queryForList("delete from report_rebuild returning summary", String.class);
        for (String summary : asked) {
            if (summary.equals("ALL")) {
                rebuild.addAll(EnumSet.allOf(Summary.class));
            }
            else {
                rebuild.add(Summary.valueOf(summary));
            }
        }
        if (last == null) {
            rebuild.addAll(EnumSet.allOf(Summary.class));
        }

        // Departments and supporters are a row each: summed again in full. Reach among the adopted
        // reads the departments' adoption, so note which departments it changed for.
        jdbc.execute("create temporary table report_adopted_before on commit drop as "
                + "select department_id from report_department where adopted");
        jdbc.execute("refresh materialized view concurrently report_department");
        jdbc.execute("refresh materialized view concurrently report_supporter");
        jdbc.execute("""
                create temporary table report_adoption_changed on commit drop as
                (select department_id from report_adopted_before
                 except select department_id from report_department where adopted)
                union all
                (select department_id from report_department where adopted
                 except select department_id from report_adopted_before)""");
        int flipped = jdbc.queryForObject("select count(*) from report_adoption_changed", Integer.class);

        jdbc.execute("create temporary table report_slice (summary varchar(20), hospital_id bigint, month date, "
                + "lo timestamptz, hi timestamptz, primary key (summary, hospital_id, month)) on commit drop");
        jdbc.update("""
                with noted as (delete from report_slice_change returning summary, hospital_id, month)
                insert into report_slice (summary, hospital_id, month) select distinct summary, hospital_id, month from noted""");
        if (!rebuild.contains(Summary.REFERRAL)) {
            becameDue(last.toInstant(), now);
        }
        jdbc.update("""
                update report_slice s
                set lo = (s.month::timestamp at time zone h.time_zone) - interval '1 day',
                    hi = ((s.month + interval '1 month')::timestamp at time zone h.time_zone) + interval '1 day'
                from hospital h where h.id = s.hospital_id""");
        jdbc.execute("analyze report_slice");
        // Most of a summary's slices changed (a bulk load, say): reading the whole table once is cheaper.
        for (Summary summary : List.of(Summary.INTERACTION, Summary.REFERRAL)) {
            if (jdbc.queryForObject("select count(*) from report_slice where summary = ?", Integer.class,
                    summary.name()) > MAX_SLICES) {
                rebuild.add(summary);
            }
        }

        int interactionSlices = 0;
        if (rebuild.contains(Summary.INTERACTION)) {
            rebuild(Summary.INTERACTION);
        }
        else {
            interactionSlices = interactionSlices();
        }
        int referralSlices = 0;
        if (rebuild.contains(Summary.REFERRAL)) {
            rebuild(Summary.REFERRAL);
        }
        else {
            referralSlices = referralSlices();
        }
        int reachPhysicians = 0;
        if (rebuild.contains(Summary.REACH)) {
            jdbc.execute("delete from report_reach_change");
            rebuildReach();
        }
        else {
            reachPhysicians = reach();
            if (reachPhysicians < 0) {
                rebuild.add(Summary.REACH);
                rebuildReach();
                reachPhysicians = 0;
            }
        }
        jdbc.update("update report_refresh set refreshed_at = ?, version = version + 1 where id = 1", Timestamp.from(now));
        return new Outcome(rebuild, interactionSlices, referralSlices, reachPhysicians, flipped);
    }

    private void rebuild(Summary summary) {
        for (String table : summary.tables) {
            // Readers keep the old rows until the refresh commits.
            jdbc.execute("delete from " + table);
            jdbc.execute("insert into " + table + " select * from " + table + "_full");
        }
    }

    /**
     * A case not yet contacted counts as due once its due time has passed, which no write marks:
     * the slices of cases whose due time fell between the last refresh and now (either way, if the
     * clock was set back) are summed again. A due time is the one set at assignment, else receipt
     * plus the program's target (at most 720 hours).
     */
    private void becameDue(Instant last, Instant now) {
        Timestamp from = Timestamp.from(last.isBefore(now) ? last : now);
        Timestamp to = Timestamp.from(last.isBefore(now) ? now : last);
        jdbc.update("""
                insert into report_slice (summary, hospital_id, month)
                select distinct 'REFERRAL', r.hospital_id, date_trunc('month', r.created_at at time zone h.time_zone)::date
                from (select hospital_id, created_at from referral
                      where first_contact_at is null and due_at >= ? and due_at < ?
                      union all
                      select r.hospital_id, r.created_at from referral r cross join program_settings ps
                      where r.first_contact_at is null and r.due_at is null
                        and r.created_at >= ?::timestamptz - interval '720 hours' and r.created_at < ?
                        and r.created_at + make_interval(hours => case when r.urgent then ps.urgent_target_hours
                                                                       else ps.first_contact_target_hours end)
                            >= ?
                        and r.created_at + make_interval(hours => case when r.urgent then ps.urgent_target_hours
                                                                       else ps.first_contact_target_hours end)
                            < ?) r
                join hospital h on h.id = r.hospital_id
                on conflict do nothing""", from, to, from, to, from, to);
    }

    /**
     * A slice's source rows: those of the hospital whose month, in its time zone, is the slice's
     * (read through the index on the hospital and the instant, a day wider on either side).
     */
    private static String sliceRows(String table, String alias, String column) {
        // Lateral and kept apart (offset 0), so that each slice is read through the index: the
        // planner cannot tell how few rows a slice's range holds and would read the whole table.
        return """
                report_slice s
                join hospital h on h.id = s.hospital_id
                join lateral (select * from %1$s x where x.hospital_id = s.hospital_id and x.%3$s >= s.lo
                              and x.%3$s < s.hi offset 0) %2$s
                    on date_trunc('month', %2$s.%3$s at time zone h.time_zone)::date = s.month
                """.formatted(table, alias, column);
    }

    private int interactionSlices() {
        int slices = jdbc.queryForObject("select count(*) from report_slice where summary = 'INTERACTION'",
                Integer.class);
        if (slices == 0) {
            return 0;
        }
        clearSlices("report_interaction", "INTERACTION");
        jdbc.update("""
                insert into report_interaction (grain, hospital_id, department_id, month, interactions, connected,
                                                escalations, proactive)
                select grouping(hospital_id, department_id)::smallint, hospital_id, coalesce(department_id, 0), month,
                       count(*), count(*) filter (where outcome = 'CONNECTED'), count(*) filter (where red_flag),
                       count(*) filter (where referral_id is null)
                from (select i.hospital_id, i.department_id, i.outcome, i.red_flag, i.referral_id, s.month
                      from %s
                      where s.summary = 'INTERACTION') i
                group by grouping sets ((hospital_id, department_id, month), (hospital_id, month))"""
                .formatted(sliceRows("interaction", "i", "occurred_at")));
        // The whole program's months are the sums of its hospitals'.
        jdbc.update("""
                insert into report_interaction (grain, hospital_id, department_id, month, interactions, connected,
                                                escalations, proactive)
                select 3, 0, 0, month, sum(interactions), sum(connected), sum(escalations), sum(proactive)
                from report_interaction
                where grain = 1 and month in (select month from report_slice where summary = 'INTERACTION')
                group by month""");
        return slices;
    }

    private int referralSlices() {
        int slices = jdbc.queryForObject("select count(*) from report_slice where summary = 'REFERRAL'",
                Integer.class);
        if (slices == 0) {
            return 0;
        }
        clearSlices("report_referral", "REFERRAL");
        jdbc.update("""
                insert into report_referral (grain, hospital_id, department_id, month, source, trigger_kind, referrals,
                                             urgent, contacted, due, within_target)
                select grouping(hospital_id, department_id)::smallint, hospital_id, coalesce(department_id, 0), month,
                       source, trigger_kind,
                       count(*), count(*) filter (where urgent), count(*) filter (where first_contact_at is not null),
                       count(*) filter (where first_contact_at is not null
                                           or (due < report_now() and coalesce(outcome, '') not in ('WITHDRAWN', 'DUPLICATE'))),
                       count(*) filter (where first_contact_at <= due)
                from (select r.hospital_id, r.department_id, r.source, r.trigger_kind, r.urgent, r.first_contact_at,
                             r.outcome, s.month,
                             coalesce(r.due_at, r.created_at + make_interval(hours => case when r.urgent
                                 then ps.urgent_target_hours else ps.first_contact_target_hours end)) as due
                      from %s
                      cross join program_settings ps
                      where s.summary = 'REFERRAL') r
                group by grouping sets ((hospital_id, department_id, month, source, trigger_kind),
                                        (hospital_id, month, source, trigger_kind))"""
                .formatted(sliceRows("referral", "r", "created_at")));
        jdbc.update("""
                insert into report_referral (grain, hospital_id, department_id, month, source, trigger_kind, referrals,
                                             urgent, contacted, due, within_target)
                select 3, 0, 0, month, source, trigger_kind, sum(referrals), sum(urgent), sum(contacted), sum(due),
                       sum(within_target)
                from report_referral
                where grain = 1 and month in (select month from report_slice where summary = 'REFERRAL')
                group by month, source, trigger_kind""");

        clearSlices("report_first_contact", "REFERRAL");
        jdbc.update("""
                insert into report_first_contact (grain, hospital_id, department_id, month, tenths, referrals)
                select grouping(hospital_id, department_id)::smallint, hospital_id, coalesce(department_id, 0), month,
                       tenths, count(*)
                from (select r.hospital_id, r.department_id, s.month,
                             greatest(0, floor(extract(epoch from (r.first_contact_at - r.created_at)) / 360))::integer
                                 as tenths
                      from %s
                      where s.summary = 'REFERRAL' and r.first_contact_at is not null) r
                group by grouping sets ((hospital_id, department_id, month, tenths), (hospital_id, month, tenths))"""
                .formatted(sliceRows("referral", "r", "created_at")));
        jdbc.update("""
                insert into report_first_contact (grain, hospital_id, department_id, month, tenths, referrals)
                select 3, 0, 0, month, tenths, sum(referrals)
                from report_first_contact
                where grain = 1 and month in (select month from report_slice where summary = 'REFERRAL')
                group by month, tenths""");
        return slices;
    }

    /**
     * Deletes a summary's rows for the slices to sum again: the departments' and hospitals' rows of
     * each (hospital, month), and the whole program's rows of each month, which are then summed
     * again from the hospitals'.
     */
    private void clearSlices(String table, String summary) {
        jdbc.update("delete from " + table + " r using report_slice s where s.summary = ? and r.grain in (0, 1) "
                + "and r.hospital_id = s.hospital_id and r.month = s.month", summary);
        jdbc.update("delete from " + table + " where grain = 3 and hospital_id = 0 and department_id = 0 "
                + "and month in (select month from report_slice where summary = ?)", summary);
    }

    /**
     * V26's reach summed from {@code months}, a relation of (physician_id, hospital_id,
     * department_id, month, adopted) as report_reach_month holds: each month a physician was
     * reached carries the month they were last reached before it, at each grain on its own.
     */
    static String reachRows(String months) {
        return """
                with scoped as (
                    select physician_id, hospital_id, department_id, month, 0::smallint as scope from %s m
                    union all
                    select physician_id, hospital_id, department_id, month, 1::smallint from %1$s m where adopted
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
                group by grain, hospital_id, department_id, scope, month, coalesce(prev_month, '-infinity'::date)"""
                .formatted(months);
    }

    private void rebuildReach() {
        jdbc.execute("delete from report_reach_month");
        jdbc.execute("insert into report_reach_month select * from report_reach_month_full");
        jdbc.execute("delete from report_reach");
        jdbc.execute("insert into report_reach " + reachRows("report_reach_month"));
    }

    /**
     * Counts the difference the changed physicians make to reach: a physician's rows depend on
     * their own months only, so their rows as of the last refresh (from report_reach_month) are
     * taken away and their rows now added. Changed are the physicians noted by the triggers, and
     * those reached in a department whose adoption changed. Returns how many, or -1 if so many
     * that a rebuild is cheaper (and nothing was written).
     */
    private int reach() {
        jdbc.execute("create temporary table report_reach_physician (physician_id bigint primary key) on commit drop");
        jdbc.update("""
                with noted as (delete from report_reach_change returning physician_id)
                insert into report_reach_physician select distinct physician_id from noted""");
        jdbc.update("""
                insert into report_reach_physician
                select distinct m.physician_id from report_reach_month m
                where m.department_id in (select department_id from report_adoption_changed)
                on conflict do nothing""");
        int physicians = jdbc.queryForObject("select count(*) from report_reach_physician", Integer.class);
        if (physicians == 0 || physicians > MAX_PHYSICIANS) {
            return physicians == 0 ? 0 : -1;
        }
        jdbc.execute("analyze report_reach_physician");
        jdbc.execute("""
                create temporary table report_reach_now on commit drop as
                select distinct i.physician_id, i.hospital_id, i.department_id,
                       date_trunc('month', i.occurred_at at time zone h.time_zone)::date as month,
                       coalesce(rd.adopted, false) and p.active and p.department_id = i.department_id as adopted
                from report_reach_physician c
                join interaction i on i.physician_id = c.physician_id and i.outcome = 'CONNECTED'
                join hospital h on h.id = i.hospital_id
                join physician p on p.id = i.physician_id
                left join report_department rd on rd.department_id = i.department_id""");
        jdbc.execute("""
                create temporary table report_reach_then on commit drop as
                select m.* from report_reach_physician c join report_reach_month m on m.physician_id = c.physician_id""");
        jdbc.execute("""
                create temporary table report_reach_delta on commit drop as
                select grain, hospital_id, department_id, scope, month, prev_month, sum(physicians)::bigint as physicians
                from (select * from (%s) today
                      union all
                      select grain, hospital_id, department_id, scope, month, prev_month, -physicians
                      from (%s) earlier) d
                group by grain, hospital_id, department_id, scope, month, prev_month
                having sum(physicians) <> 0""".formatted(reachRows("report_reach_now"), reachRows("report_reach_then")));
        jdbc.update("""
                insert into report_reach (grain, hospital_id, department_id, scope, month, prev_month, physicians)
                select * from report_reach_delta
                on conflict (grain, hospital_id, department_id, scope, month, prev_month)
                do update set physicians = report_reach.physicians + excluded.physicians""");
        jdbc.update("""
                delete from report_reach r using report_reach_delta d
                where r.grain = d.grain and r.hospital_id = d.hospital_id and r.department_id = d.department_id
                  and r.scope = d.scope and r.month = d.month and r.prev_month = d.prev_month and r.physicians = 0""");
        jdbc.update("delete from report_reach_month m using report_reach_physician c where m.physician_id = c.physician_id");
        jdbc.update("insert into report_reach_month select * from report_reach_now");
        return physicians;
    }
}
