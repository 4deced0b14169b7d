package org.peersupport.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peersupport.organization.OrganizationService;
import org.peersupport.reporting.SummaryUpdate.Outcome;
import org.peersupport.reporting.SummaryUpdate.Summary;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh that sums again only what changed (V37) gives, row for row, the summaries that V26's
 * queries give from scratch (the report_*_full views), after every kind of change: new, edited,
 * back-dated and deleted interactions and referrals, roster moves, adoption changing with a write
 * or with time alone, cases becoming due as time passes, and the changes that rebuild a summary.
 * Time is moved by refreshing "as of" an instant of the app's clock plus an offset.
 */
@IntegrationTest
class IncrementalRefreshTests {

    static final List<String> SUMMARIES = List.of("report_reach", "report_interaction", "report_referral",
            "report_first_contact", "report_reach_month");

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingRefresh refresh;

    @Autowired
    TransactionTemplate transaction;

    /** A small program in two time zones, with figures in many months. */
    record Program(Place chicago, long unadopted, long auckland, long aucklandDepartment, long supporter,
            long aucklandSupporter, List<Long> physicians, List<UUID> referrals, Instant base) {
    }

    @AfterEach
    void backToTheClock() {
        // The summaries stay as of the app's own clock for the tests that follow.
        refresh.refresh();
    }

    Program program() {
        ReportRecords records = new ReportRecords(jdbc);
        Instant base = fixtures.now();
        Place chicago = fixtures.hospital();
        long a = chicago.departmentId();
        long b = organization.createDepartment(chicago.hospitalId(), Fixtures.unique("Department"),
                HospitalScope.everything());
        long auckland = organization.createHospital(Fixtures.unique("Hospital"), ZoneId.of("Pacific/Auckland"));
        long c = organization.createDepartment(auckland, Fixtures.unique("Department"), HospitalScope.everything());
        long supporter = fixtures.certifiedSupporter(a).id();
        long aucklandSupporter = fixtures.certifiedSupporter(c).id();
        List<Long> p = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            p.add(fixtures.physician(a));
        }
        for (int i = 0; i < 3; i++) {
            p.add(fixtures.physician(b));
        }
        for (int i = 0; i < 3; i++) {
            p.add(fixtures.physician(c));
        }
        long h = chicago.hospitalId();
        List<UUID> r = new ArrayList<>();
        r.add(records.referral(h, a, p.get(0), "COLLEAGUE", "BURNOUT", false, at(base, -200), at(base, -199),
                at(base, -199.5), "SUPPORTED"));
        r.add(records.referral(h, a, p.get(1), "SELF", "ADVERSE_EVENT", true, at(base, -100), at(base, -99.9),
                null, "NO_RESPONSE"));
        r.add(records.referral(h, b, p.get(6), "LEADER", "LITIGATION", false, at(base, -40), null, at(base, -39.8),
                null));
        r.add(records.referral(auckland, c, p.get(9), "EVENT", "PATIENT_DEATH", false, at(base, -10), at(base, -9),
                null, null));
        r.add(records.referral(h, a, p.get(2), "COLLEAGUE", "BURNOUT", false, at(base, -70), at(base, -69),
                null, "WITHDRAWN"));
        for (int i = 0; i < 9; i++) {
            // Each physician of Chicago reached now and then; some not reached at all.
            records.interaction(h, i < 6 ? a : b, p.get(i), supporter, null, at(base, -210 + 20 * i),
                    i % 3 == 2 ? "DECLINED" : "CONNECTED", i == 4);
            records.interaction(h, i < 6 ? a : b, p.get(i), supporter, null, at(base, -95 + 9 * i), "CONNECTED", false);
            records.interaction(h, i < 6 ? a : b, p.get(i), supporter, null, at(base, -12 + i), "NO_RESPONSE", false);
        }
        records.interaction(h, a, p.get(0), supporter, r.get(0), at(base, -199.5), "CONNECTED", false);
        for (int i = 9; i < 12; i++) {
            records.interaction(auckland, c, p.get(i), aucklandSupporter, null, at(base, -60 + 15 * (i - 9)),
                    "CONNECTED", false);
        }
        return new Program(chicago, b, auckland, c, supporter, aucklandSupporter, p, r, base);
    }

    @Test
    void writes_to_interactions_referrals_and_the_roster_are_summed_again_where_they_fell() {
        Program program = program();
        refreshAndCompare(program.base());
        long h = program.chicago().hospitalId();
        long a = program.chicago().departmentId();
        List<Long> p = program.physicians();
        ReportRecords records = new ReportRecords(jdbc);
        Instant base = program.base();

        // New cases: one contacted, one assigned and due tomorrow, one not assigned (due by the target).
        records.referral(h, a, p.get(3), "COLLEAGUE", "BURNOUT", false, at(base, -0.1), at(base, 0.9), at(base, -0.05),
                null);
        records.referral(h, program.unadopted(), p.get(7), "SELF", "BURNOUT", false, at(base, -0.1), at(base, 1),
                null, null);
        UUID unassigned = UUID.randomUUID();
        jdbc.update("""
                insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent, status,
                                      created_at)
                values (?, ?, ?, ?, 'LEADER', 'PERSONAL_OTHER', false, 'NEW', ?)""", unassigned, h, a, p.get(4),
                java.sql.Timestamp.from(base.minus(Duration.ofHours(1))));
        // Interactions: today's, one back-dated into a month between a physician's reached months, one
        // whose outcome turns to success and one from it, one moved to another month, one deleted.
        records.interaction(h, a, p.get(3), program.supporter(), null, at(base, -0.01), "CONNECTED", true);
        records.interaction(h, a, p.get(0), program.supporter(), null, at(base, -150), "CONNECTED", false);
        jdbc.update("update interaction set outcome = 'CONNECTED' where physician_id = ? and outcome = 'NO_RESPONSE'",
                p.get(5));
        jdbc.update("update interaction set outcome = 'NO_RESPONSE' where physician_id = ? and occurred_at > ?",
                p.get(1), java.sql.Timestamp.from(base.minus(Duration.ofDays(100))));
        jdbc.update("update interaction set occurred_at = occurred_at - interval '45 days' "
                + "where physician_id = ? and occurred_at < ?", p.get(6), java.sql.Timestamp.from(base.minus(Duration.ofDays(100))));
        jdbc.update("delete from interaction where physician_id = ? and occurred_at > ?", p.get(10),
                java.sql.Timestamp.from(base.minus(Duration.ofDays(50))));
        // A case contacted, one moved back a month, one deleted.
        jdbc.update("update referral set first_contact_at = created_at + interval '3 hours', status = 'CONTACTED' "
                + "where id = ?", program.referrals().get(3));
        jdbc.update("update referral set created_at = created_at - interval '31 days' where id = ?",
                program.referrals().get(2));
        jdbc.update("delete from referral where id = ?", program.referrals().get(4));
        // The roster: one leaves, one moves to the department without supporters.
        jdbc.update("update physician set active = false where id = ?", p.get(2));
        jdbc.update("update physician set department_id = ? where id = ?", program.unadopted(), p.get(0));
        // A write that the summaries do not read.
        jdbc.update("update referral set context = 'x' where id = ?", program.referrals().get(0));

        Outcome outcome = refreshAndCompare(base.plusSeconds(60));
        assertThat(outcome.rebuilt()).as("summed again in part, not rebuilt").isEmpty();
        assertThat(outcome.interactionSlices()).isPositive();
        assertThat(outcome.referralSlices()).isPositive();
        assertThat(outcome.reachPhysicians()).isPositive();
        assertThat(count("report_reach", h)).isPositive();
        assertThat(count("report_referral", h)).isPositive();

        // Nothing changed since: nothing is summed again.
        Outcome idle = refreshAndCompare(base.plusSeconds(120));
        assertThat(idle.rebuilt()).isEmpty();
        assertThat(idle.interactionSlices()).isZero();
        assertThat(idle.reachPhysicians()).isZero();
    }

    @Test
    void time_alone_makes_cases_due_and_certifications_lapse() {
        Program program = program();
        long h = program.chicago().hospitalId();
        long a = program.chicago().departmentId();
        List<Long> p = program.physicians();
        Instant base = program.base();
        ReportRecords records = new ReportRecords(jdbc);
        records.referral(h, a, p.get(3), "COLLEAGUE", "BURNOUT", false, at(base, -0.1), at(base, 1), null, null);
        jdbc.update("""
                insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent, status,
                                      created_at)
                values (?, ?, ?, ?, 'LEADER', 'PERSONAL_OTHER', true, 'NEW', ?)""", UUID.randomUUID(), h, a, p.get(4),
                java.sql.Timestamp.from(base.minus(Duration.ofHours(1))));
        refreshAndCompare(base);
        long dueBefore = due(h);

        // Two days on, both cases are due, with no write at all.
        Outcome later = refreshAndCompare(base.plus(Duration.ofDays(2)));
        assertThat(later.rebuilt()).isEmpty();
        assertThat(due(h)).isEqualTo(dueBefore + 2);

        // Past the certification's validity, both departments with a supporter lose their adoption.
        int months = organization.settings().certificationValidMonths();
        Outcome lapsed = refreshAndCompare(base.plus(Duration.ofDays(31L * (months + 1))));
        assertThat(lapsed.departmentsChangingAdoption()).isGreaterThanOrEqualTo(2);
        assertThat(lapsed.rebuilt()).as("only the physicians of those departments counted again").isEmpty();
        assertThat(lapsed.reachPhysicians()).isPositive();

        // And back: the clock set back gives the figures of then again.
        Outcome back = refreshAndCompare(base.plusSeconds(60));
        assertThat(back.departmentsChangingAdoption()).isGreaterThanOrEqualTo(2);
        assertThat(due(h)).isEqualTo(dueBefore);

        // A supporter retiring takes their department's adoption with them.
        jdbc.update("update supporter set status = 'RETIRED' where id = ?", program.aucklandSupporter());
        Outcome retired = refreshAndCompare(base.plusSeconds(120));
        assertThat(retired.departmentsChangingAdoption()).isPositive();
        assertThat(retired.rebuilt()).isEmpty();
    }

    @Test
    void a_time_zone_or_the_programs_targets_rebuild_what_they_change() {
        Program program = program();
        Instant base = program.base();
        refreshAndCompare(base);
        int hours = organization.settings().firstContactTargetHours();
        try {
            jdbc.update("update program_settings set first_contact_target_hours = ? where id = 1", hours + 5);
            Outcome targets = refreshAndCompare(base.plusSeconds(60));
            assertThat(targets.rebuilt()).containsExactly(Summary.REFERRAL);
        }
        finally {
            jdbc.update("update program_settings set first_contact_target_hours = ? where id = 1", hours);
        }
        assertThat(refreshAndCompare(base.plusSeconds(120)).rebuilt()).containsExactly(Summary.REFERRAL);

        // Auckland's months become Honolulu's: every summary moves.
        jdbc.update("update hospital set time_zone = 'Pacific/Honolulu' where id = ?", program.auckland());
        Outcome zone = refreshAndCompare(base.plusSeconds(180));
        assertThat(zone.rebuilt()).containsExactlyInAnyOrder(Summary.values());

        // A bulk write of more than 10,000 successful interactions rebuilds reach rather than note each.
        long before = jdbc.queryForObject("select count(*) from interaction where physician_id = ?", Long.class,
                program.physicians().get(9));
        jdbc.update("""
                insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, occurred_at, mode,
                                         minutes, outcome, red_flag, logged_at)
                select gen_random_uuid(), ?, ?, ?, ?, ?::timestamptz - g * interval '1 hour', 'PHONE', 10, 'CONNECTED',
                       false, ?::timestamptz
                from generate_series(1, 10001) g""", program.auckland(), program.aucklandDepartment(),
                program.physicians().get(9), program.aucklandSupporter(), java.sql.Timestamp.from(base),
                java.sql.Timestamp.from(base));
        Outcome bulk = refreshAndCompare(base.plusSeconds(240));
        assertThat(bulk.rebuilt()).containsExactly(Summary.REACH);
        jdbc.update("delete from interaction where physician_id = ? and minutes = 10", program.physicians().get(9));
        assertThat(jdbc.queryForObject("select count(*) from interaction where physician_id = ?", Long.class,
                program.physicians().get(9))).isEqualTo(before);
        assertThat(refreshAndCompare(base.plusSeconds(300)).rebuilt()).containsExactly(Summary.REACH);
    }

    /** Refreshes as of {@code now} and compares every month-grained summary with V26's queries. */
    Outcome refreshAndCompare(Instant now) {
        Outcome outcome = refresh.refresh(now);
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('peersupport.now', ?, true)", String.class, now.toString());
            for (String table : SUMMARIES) {
                List<Map<String, Object>> missing = jdbc.queryForList(
                        "select * from " + table + "_full except all select * from " + table);
                List<Map<String, Object>> extra = jdbc.queryForList(
                        "select * from " + table + " except all select * from " + table + "_full");
                assertThat(missing).as("%s: rows a refresh from scratch has and this one lacks (%s)", table, outcome)
                        .isEmpty();
                assertThat(extra).as("%s: rows this refresh has and one from scratch does not (%s)", table, outcome)
                        .isEmpty();
            }
        });
        return outcome;
    }

    long count(String table, long hospitalId) {
        return jdbc.queryForObject("select count(*) from " + table + " where hospital_id = ?", Long.class, hospitalId);
    }

    long due(long hospitalId) {
        return jdbc.queryForObject("select coalesce(sum(due), 0) from report_referral where grain = 1 and hospital_id = ?",
                Long.class, hospitalId);
    }

    /** An instant {@code days} (fractions allowed) from {@code base}, as ReportRecords takes it. */
    static String at(Instant base, double days) {
        return base.plusSeconds(Math.round(days * 86_400)).toString();
    }
}
