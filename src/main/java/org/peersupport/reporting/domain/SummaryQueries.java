package org.peersupport.reporting.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's questions to the summaries of V24. Each method is one statement that sums a
 * few hundred summary rows; nothing here reads a person's record. Periods are given as the first
 * day of the first and of the last month; quarters are keyed by their first day.
 */
@Repository
public class SummaryQueries {

    private final JdbcTemplate jdbc;

    SummaryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Departments(long departments, long adopted, long roster, long rosterInAdopted) {
    }

    public record Reached(long physicians, long inAdoptedDepartments) {
    }

    /** Interactions of a quarter (or, keyed null, of the period). */
    public record Interactions(long interactions, long connected, long escalations, long proactive) {

        public static final Interactions NONE = new Interactions(0, 0, 0, 0);

        Interactions plus(Interactions other) {
            return new Interactions(interactions + other.interactions, connected + other.connected,
                    escalations + other.escalations, proactive + other.proactive);
        }
    }

    public record Referrals(long referrals, long contacted, long due, long withinTarget) {

        public static final Referrals NONE = new Referrals(0, 0, 0, 0);
    }

    /** Median and 90th percentile in tenths of an hour, or null when no case was contacted. */
    public record Percentiles(Integer median, Integer p90) {

        public static final Percentiles NONE = new Percentiles(null, null);
    }

    public record YesOf(long yes, long of) {
    }

    /**
     * The last refresh: when it ran (null if never), and the summaries' version, which every write to
     * them raises (V39).
     */
    public record Refresh(Instant at, long version) {
    }

    public Refresh refresh() {
        return jdbc.queryForObject("select refreshed_at, version from report_refresh where id = 1", (rs, n) -> {
            Timestamp at = rs.getTimestamp(1);
            return new Refresh(at == null ? null : at.toInstant(), rs.getLong(2));
        });
    }

    public Departments departments(Slice slice) {
        List<Object> args = new ArrayList<>();
        String sql = "select count(*), count(*) filter (where adopted), coalesce(sum(physicians), 0), "
                + "coalesce(sum(physicians) filter (where adopted), 0) from report_department where "
                + slice.departments(args);
        return jdbc.queryForObject(sql, (rs, n) -> new Departments(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4)), args.toArray());
    }

    /**
     * The size of each group that makes up a whole, as {@code Subtraction} needs it: each hospital
     * of the given ones (all, when null), or each department of one hospital. An active
     * department's size is its active roster at the last refresh; one no longer active (or of a
     * hospital no longer active) counts every physician still recorded in it.
     */
    public Map<Long, Long> groupSizes(Long[] hospitalIds, Long departmentsOf) {
        String size = """
                case when d.active and h.active then coalesce(rd.physicians, 0)
                     else (select count(*) from physician p where p.department_id = d.id) end""";
        List<Object> args = new ArrayList<>();
        String sql;
        if (departmentsOf != null) {
            args.add(departmentsOf);
            sql = "select d.id, " + size + " from department d join hospital h on h.id = d.hospital_id "
                    + "left join report_department rd on rd.department_id = d.id where d.hospital_id = ?";
        }
        else {
            String where = "true";
            if (hospitalIds != null) {
                args.add(hospitalIds);
                where = "d.hospital_id = any(?)";
            }
            sql = "select d.hospital_id, sum(" + size + ")::bigint from department d "
                    + "join hospital h on h.id = d.hospital_id left join report_department rd on rd.department_id = d.id "
                    + "where " + where + " group by d.hospital_id";
        }
        Map<Long, Long> sizes = new HashMap<>();
        jdbc.query(sql, rs -> {
            sizes.put(rs.getLong(1), rs.getLong(2));
        }, args.toArray());
        return sizes;
    }

    /** Supporters trained before the end of the period, and certified today. */
    public long[] supporters(Slice slice, LocalDate end) {
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(end));
        String sql = "select count(*) filter (where trained_on < ?), count(*) filter (where certified_now) "
                + "from report_supporter where " + slice.supporters(args);
        return jdbc.queryForObject(sql, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, args.toArray());
    }

    /** Supporters trained by the end of each quarter of the period (or by its end, if sooner). */
    public Map<LocalDate, Long> supportersTrainedByQuarter(Slice slice, LocalDate first, LocalDate last,
            LocalDate end) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(end)));
        String where = slice.supporters(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last)));
        // Counted once per quarter of training, then added up: not every supporter for every quarter.
        String sql = "with t as materialized (select date_trunc('quarter', trained_on)::date as tq, count(*) as n "
                + "from report_supporter where trained_on < ? and " + where + " group by 1) "
                + "select q::date, coalesce(sum(t.n), 0) "
                + "from generate_series(date_trunc('quarter', ?::date), ?::date, interval '3 months') q "
                + "left join t on t.tq <= q group by q";
        return byQuarter(sql, args, rs -> rs.getLong(2));
    }

    public Reached reached(Slice slice, LocalDate first, LocalDate last) {
        List<Object> args = new ArrayList<>();
        String where = slice.grained(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last), Date.valueOf(first)));
        String sql = "select coalesce(sum(physicians) filter (where scope = 0), 0), "
                + "coalesce(sum(physicians) filter (where scope = 1), 0) "
                + "from report_reach where " + where + " and month between ? and ? and prev_month < ?";
        return jdbc.queryForObject(sql, (rs, n) -> new Reached(rs.getLong(1), rs.getLong(2)), args.toArray());
    }

    /** Physicians reached in each quarter: their first successful month in it, within the period. */
    public Map<LocalDate, Long> reachedByQuarter(Slice slice, LocalDate first, LocalDate last) {
        List<Object> args = new ArrayList<>();
        String where = slice.grained(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last), Date.valueOf(first)));
        String sql = "select date_trunc('quarter', month)::date, sum(physicians) from report_reach where " + where
                + " and scope = 0 and month between ? and ? "
                + "and prev_month < greatest(date_trunc('quarter', month)::date, ?) group by 1";
        return byQuarter(sql, args, rs -> rs.getLong(2));
    }

    public Map<LocalDate, Interactions> interactionsByQuarter(Slice slice, LocalDate first, LocalDate last) {
        List<Object> args = new ArrayList<>();
        String where = slice.grained(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last)));
        String sql = "select date_trunc('quarter', month)::date, sum(interactions), sum(connected), sum(escalations), "
                + "sum(proactive) from report_interaction where " + where + " and month between ? and ? group by 1";
        return byQuarter(sql, args, rs -> new Interactions(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)));
    }

    public static Interactions total(Map<LocalDate, Interactions> byQuarter) {
        return byQuarter.values().stream().reduce(Interactions.NONE, Interactions::plus);
    }

    /** Referrals of the period by source, by trigger, by quarter, and in all (grouping sets, one scan). */
    public record ReferralCounts(Map<String, Long> bySource, Map<String, Long> byTrigger,
            Map<LocalDate, Referrals> byQuarter, Referrals total) {
    }

    public ReferralCounts referrals(Slice slice, LocalDate first, LocalDate last) {
        List<Object> args = new ArrayList<>();
        String where = slice.grained(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last)));
        String sql = "select grouping(source, trigger_kind, date_trunc('quarter', month)), source, trigger_kind, "
                + "date_trunc('quarter', month)::date, sum(referrals), sum(contacted), sum(due), sum(within_target) "
                + "from report_referral where " + where + " and month between ? and ? "
                + "group by grouping sets ((source), (trigger_kind), (date_trunc('quarter', month)), ())";
        Map<String, Long> bySource = new LinkedHashMap<>();
        Map<String, Long> byTrigger = new LinkedHashMap<>();
        Map<LocalDate, Referrals> byQuarter = new HashMap<>();
        Referrals[] total = {Referrals.NONE};
        jdbc.query(sql, rs -> {
            Referrals counts = new Referrals(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
            switch (rs.getInt(1)) {
                case 3 -> bySource.put(rs.getString(2), counts.referrals());
                case 5 -> byTrigger.put(rs.getString(3), counts.referrals());
                case 6 -> byQuarter.put(rs.getDate(4).toLocalDate(), counts);
                case 7 -> total[0] = counts;
                default -> throw new IllegalStateException("grouping " + rs.getInt(1));
            }
        }, args.toArray());
        return new ReferralCounts(bySource, byTrigger, byQuarter, total[0]);
    }

    /**
     * Median and 90th percentile of the time to first contact, for the period (key null) and each
     * quarter: the smallest tenth of an hour that at least half (nine tenths) of the cases reach,
     * as percentile_disc would say over the cases themselves.
     */
    public Map<LocalDate, Percentiles> firstContact(Slice slice, LocalDate first, LocalDate last) {
        List<Object> args = new ArrayList<>();
        String where = slice.grained(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last)));
        String sql = "with h as (select date_trunc('quarter', month)::date as q, tenths, sum(referrals) as n "
                + "from report_first_contact where " + where + " and month between ? and ? "
                + "group by grouping sets ((date_trunc('quarter', month)::date, tenths), (tenths))), "
                + "c as (select q, tenths, sum(n) over (partition by q order by tenths) as cum, "
                + "sum(n) over (partition by q) as total from h) "
                + "select q, min(tenths) filter (where cum * 2 >= total), min(tenths) filter (where cum * 10 >= total * 9) "
                + "from c group by q";
        Map<LocalDate, Percentiles> result = new HashMap<>();
        jdbc.query(sql, rs -> {
            Date q = rs.getDate(1);
            result.put(q == null ? null : q.toLocalDate(),
                    new Percentiles((Integer) rs.getObject(2), (Integer) rs.getObject(3)));
        }, args.toArray());
        return result;
    }

    /** Survey measures of the period (quarter key null) and of each quarter, summed over published figures. */
    public Map<LocalDate, Map<String, YesOf>> survey(Slice slice, LocalDate first, LocalDate last) {
        List<Object> args = new ArrayList<>();
        String where = slice.survey(args);
        args.addAll(List.of(Date.valueOf(first), Date.valueOf(last)));
        String sql = "select date_trunc('quarter', month)::date, measure, sum(yes), sum(answered) from report_survey "
                + "where " + where + " and month between ? and ? "
                + "group by grouping sets ((measure), (measure, date_trunc('quarter', month)))";
        Map<LocalDate, Map<String, YesOf>> result = new HashMap<>();
        jdbc.query(sql, rs -> {
            Date q = rs.getDate(1);
            result.computeIfAbsent(q == null ? null : q.toLocalDate(), k -> new HashMap<>())
                    .put(rs.getString(2), new YesOf(rs.getLong(3), rs.getLong(4)));
        }, args.toArray());
        return result;
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Map<LocalDate, T> byQuarter(String sql, List<Object> args, Column<T> column) {
        Map<LocalDate, T> result = new HashMap<>();
        jdbc.query(sql, rs -> {
            result.put(rs.getDate(1).toLocalDate(), column.read(rs));
        }, args.toArray());
        return result;
    }
}
