package org.peersupport.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peersupport.organization.OrganizationService;
import org.peersupport.reporting.Dashboard.Count;
import org.peersupport.reporting.Dashboard.Quarter;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.Proportion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every dashboard figure on a small program made by hand, with the answers worked out on paper.
 * One hospital (America/Chicago) with department A (a certified supporter and nine more
 * physicians) and department B (five physicians, no supporter), seen for January to June 2025.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFiguresTests {

    static final DashboardFilter FIRST_HALF_2025 = new DashboardFilter(null, null, YearMonth.of(2025, 1),
            YearMonth.of(2025, 6));

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingRefresh refresh;

    @Autowired
    DashboardService dashboards;

    Place place;

    long departmentB;

    Place elsewhere;

    long departmentX;

    long departmentY;

    @BeforeAll
    void aSmallProgram() {
        assertThat(organization.settings().surveyMinGroupSize()).as("the suppression below assumes groups of 5")
                .isEqualTo(5);
        ReportRecords records = new ReportRecords(jdbc);
        place = fixtures.hospital();
        long h = place.hospitalId();
        long a = place.departmentId();
        departmentB = organization.createDepartment(h, Fixtures.unique("Department"), HospitalScope.everything());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(a);
        long s = supporter.id();
        List<Long> p = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            p.add(fixtures.physician(a));
        }
        List<Long> q = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            q.add(fixtures.physician(departmentB));
        }

        // Cases: received, due, first contact, outcome.
        UUID r1 = records.referral(h, a, p.get(0), "COLLEAGUE", "BURNOUT", false, "2025-01-14T12:00:00Z",
                "2025-01-15T13:00:00Z", "2025-01-15T12:00:00Z", "SUPPORTED");            // 24.0 h, in time
        records.referral(h, a, p.get(1), "SELF", "BURNOUT", false, "2025-02-10T12:00:00Z",
                "2025-02-11T13:00:00Z", "2025-02-10T14:30:00Z", "SUPPORTED");            // 2.5 h, in time
        records.referral(h, a, p.get(2), "COLLEAGUE", "ADVERSE_EVENT", true, "2025-03-03T12:00:00Z",
                "2025-03-03T17:00:00Z", "2025-03-03T18:00:00Z", "DECLINED");             // 6.0 h, late
        records.referral(h, a, p.get(3), "LEADER", "PERSONAL_OTHER", false, "2025-05-02T12:00:00Z",
                "2025-05-03T13:00:00Z", null, null);                                      // open, overdue
        records.referral(h, a, p.get(7), "EVENT", "ADVERSE_EVENT", false, "2025-05-03T12:00:00Z",
                null, null, "WITHDRAWN");                                                 // not counted for time
        records.referral(h, a, p.get(8), "COLLEAGUE", "BURNOUT", false, "2025-06-05T12:00:00Z",
                null, "2025-06-05T22:00:00Z", "SUPPORTED");                               // 10.0 h, due from target
        records.referral(h, a, p.get(4), "COLLEAGUE", "BURNOUT", false, "2024-12-01T12:00:00Z",
                "2024-12-02T13:00:00Z", "2024-12-01T13:00:00Z", "SUPPORTED");            // before the period

        // Interactions: p1 three successful on its case; p2 no answer then success on 31 March local
        // time; p3 declined; p4 successful before and in the period; p5 only before; p6 a proactive
        // check-in with a red flag; one physician of B; p7 after the period.
        records.interaction(h, a, p.get(0), s, r1, "2025-01-15T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(0), s, r1, "2025-02-10T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(0), s, r1, "2025-05-05T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(1), s, null, "2025-02-01T12:00:00Z", "NO_RESPONSE", false);
        records.interaction(h, a, p.get(1), s, null, "2025-04-01T03:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(2), s, null, "2025-03-01T12:00:00Z", "DECLINED", false);
        records.interaction(h, a, p.get(3), s, null, "2024-12-20T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(3), s, null, "2025-06-10T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(4), s, null, "2024-11-01T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(5), s, null, "2025-05-20T12:00:00Z", "CONNECTED", true);
        records.interaction(h, departmentB, q.get(0), s, null, "2025-02-02T12:00:00Z", "CONNECTED", false);
        records.interaction(h, a, p.get(6), s, null, "2025-07-01T12:00:00Z", "CONNECTED", false);

        // Survey, first quarter: A 8 responses, B 3. B is under 5, so A is hidden with it (else B
        // would follow by subtraction); only the campaign's totals may be shown.
        UUID march = records.closedCampaign(h, LocalDate.of(2025, 3, 20));
        records.invited(march, a, 10);
        records.invited(march, departmentB, 5);
        LocalDate day = LocalDate.of(2025, 3, 15);
        for (int i = 0; i < 8; i++) {
            // 5 had an interaction; 7 recommend; well-being agreed (4 or 5) by 3 of the 5 asked; culture 2 agree
            records.response(march, a, day, i < 5, i < 7, i < 5 ? (i < 3 ? 4 : 2) : null, i < 2 ? 5 : 3);
        }
        for (int i = 0; i < 3; i++) {
            // 1 had an interaction (agrees on well-being); all 3 recommend; culture 1 agrees
            records.response(march, departmentB, day, i < 1, true, i < 1 ? 5 : null, i < 1 ? 4 : 1);
        }
        // Second quarter: A alone, 6 responses, all shown; well-being answered by 3 only, hidden.
        UUID may = records.closedCampaign(h, LocalDate.of(2025, 5, 15));
        records.invited(may, a, 10);
        for (int i = 0; i < 6; i++) {
            records.response(may, a, LocalDate.of(2025, 5, 10), i < 3, true, i < 3 ? 5 : null, null);
        }
        // A second hospital: one physician of X, reached in X and, on a case referred from Y, in Y.
        elsewhere = fixtures.hospital();
        departmentX = elsewhere.departmentId();
        departmentY = organization.createDepartment(elsewhere.hospitalId(), Fixtures.unique("Department"),
                HospitalScope.everything());
        long supporterX = fixtures.certifiedSupporter(departmentX).id();
        long movedBetween = fixtures.physician(departmentX);
        records.interaction(elsewhere.hospitalId(), departmentY, movedBetween, supporterX, null,
                "2025-02-05T18:00:00Z", "CONNECTED", false);
        records.interaction(elsewhere.hospitalId(), departmentX, movedBetween, supporterX, null,
                "2025-03-05T18:00:00Z", "CONNECTED", false);
        refresh.refresh();
    }

    Dashboard hospital() {
        return dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(place.hospitalId(), null,
                FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
    }

    @Test
    void reach_counts_each_physician_with_a_successful_interaction_in_the_period_once() {
        Dashboard d = hospital();
        // p1, p2 (31 March in Chicago), p4, p6 in A; one in B. Not p3 (declined), p5 (before), p7 (after).
        assertThat(d.reach().physicians()).isEqualTo(5);
        assertThat(d.reach().inAdoptedDepartments()).isEqualTo(4);
        // The roster of adopted A: the supporter and nine physicians.
        assertThat(d.reach().shareOfAdoptedRoster()).isEqualTo(Proportion.of(4, 10));
        assertThat(d.reach().referrals()).isEqualTo(6);
        assertThat(d.reach().bySource()).containsExactly(new Count("COLLEAGUE", 3), new Count("EVENT", 1),
                new Count("LEADER", 1), new Count("SELF", 1));
        assertThat(d.reach().byTrigger()).containsExactly(new Count("BURNOUT", 3), new Count("ADVERSE_EVENT", 2),
                new Count("PERSONAL_OTHER", 1));
    }

    @Test
    void a_physician_reached_in_two_departments_counts_once_for_the_hospital_and_for_each_department() {
        DashboardFilter hospital = new DashboardFilter(elsewhere.hospitalId(), null, FIRST_HALF_2025.from(),
                FIRST_HALF_2025.to());
        Dashboard d = dashboards.dashboard(HospitalScope.everything(), hospital);
        assertThat(d.reach().physicians()).isEqualTo(1);
        // Adopted X holds the supporter and the physician; only the physician's own department counts.
        assertThat(d.reach().inAdoptedDepartments()).isEqualTo(1);
        assertThat(d.reach().shareOfAdoptedRoster()).isEqualTo(Proportion.of(1, 2));
        for (long department : new long[] {departmentX, departmentY}) {
            Dashboard one = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(
                    elsewhere.hospitalId(), department, FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
            assertThat(one.reach().physicians()).as("department " + department).isEqualTo(1);
        }
        // March alone: reached then too (in X), so counted, once.
        Dashboard secondQuarter = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(
                elsewhere.hospitalId(), null, java.time.YearMonth.of(2025, 3), java.time.YearMonth.of(2025, 3)));
        assertThat(secondQuarter.reach().physicians()).isEqualTo(1);
    }

    @Test
    void the_wilson_interval_of_four_in_ten() {
        Proportion share = hospital().reach().shareOfAdoptedRoster();
        assertThat(share.estimate()).isEqualTo(0.4);
        assertThat(share.low()).isCloseTo(0.1682, within(0.0005));
        assertThat(share.high()).isCloseTo(0.6873, within(0.0005));
        assertThat(share.lowPercent()).isEqualTo(17);
        assertThat(share.highPercent()).isEqualTo(69);
    }

    @Test
    void adoption_is_departments_with_an_active_certified_supporter_and_the_roster_they_cover() {
        Dashboard d = hospital();
        assertThat(d.adoption().departments()).isEqualTo(2);
        assertThat(d.adoption().adopted()).isEqualTo(1);
        assertThat(d.adoption().adoptedShare()).isEqualTo(Proportion.of(1, 2));
        assertThat(d.adoption().roster()).isEqualTo(15);
        assertThat(d.adoption().rosterInAdopted()).isEqualTo(10);
        assertThat(d.adoption().coverage()).isEqualTo(Proportion.of(10, 15));
    }

    @Test
    void implementation_times_first_contact_and_counts_escalations() {
        Dashboard.Implementation i = hospital().implementation();
        // Contacted after 2.5, 6.0, 10.0 and 24.0 hours: the median is the second, the 90th percentile the fourth.
        assertThat(i.contacted()).isEqualTo(4);
        assertThat(i.medianHours()).isEqualTo(6.0);
        assertThat(i.p90Hours()).isEqualTo(24.0);
        // Due: the four contacted and the overdue open case, not the withdrawn one; three in time.
        assertThat(i.withinTarget()).isEqualTo(Proportion.of(3, 5));
        assertThat(i.interactions()).isEqualTo(9);
        assertThat(i.successfulInteractions()).isEqualTo(7);
        assertThat(i.proactiveInteractions()).isEqualTo(6);
        assertThat(i.escalations()).isEqualTo(1);
        // Trained today, so not by the end of June 2025, but certified now.
        assertThat(i.supportersTrained()).isZero();
        assertThat(i.supportersCertified()).isEqualTo(1);
        Dashboard untilNow = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(place.hospitalId(),
                null, YearMonth.of(2025, 1), YearMonth.from(fixtures.today()).plusMonths(1)));
        assertThat(untilNow.implementation().supportersTrained()).isEqualTo(1);
        // By quarter, trained by each quarter's end: none in 2025 Q1, one in the current quarter.
        assertThat(untilNow.trend().get(0).supportersTrained()).isZero();
        assertThat(untilNow.trend().get(untilNow.trend().size() - 1).supportersTrained()).isEqualTo(1);
    }

    @Test
    void effectiveness_sums_only_what_the_campaigns_results_show() {
        Dashboard d = hospital();
        Dashboard.Effectiveness e = d.effectiveness();
        assertThat(e.minGroupSize()).isEqualTo(5);
        // Totals of both campaigns: 11 + 6 responses of 15 + 10 invited.
        assertThat(e.of(SurveyMeasure.RESPONDED).share()).isEqualTo(Proportion.of(17, 25));
        assertThat(e.of(SurveyMeasure.HAD_INTERACTION).share()).isEqualTo(Proportion.of(6 + 3, 17));
        // May's 6 would all recommend: a small group answering alike is hidden (homogeneity), so not added.
        assertThat(e.of(SurveyMeasure.RECOMMEND).share()).isEqualTo(Proportion.of(10, 11));
        // Well-being: 4 of 6 in March; May's 3 answers are fewer than 5, so hidden and not added.
        assertThat(e.of(SurveyMeasure.WELL_BEING).share()).isEqualTo(Proportion.of(4, 6));
        assertThat(e.of(SurveyMeasure.CULTURE).share()).isEqualTo(Proportion.of(3, 11));
        assertThat(e.of(SurveyMeasure.EMOTIONS).share()).isNull();
        assertThat(e.of(SurveyMeasure.STIGMA).share()).isNull();
    }

    @Test
    void a_department_shows_only_its_own_published_survey_figures_and_a_suppressed_one_none() {
        Dashboard a = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(null,
                place.departmentId(), FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        // March hid A (with B), so only May counts for A.
        assertThat(a.effectiveness().of(SurveyMeasure.RESPONDED).share()).isEqualTo(Proportion.of(6, 10));
        assertThat(a.effectiveness().of(SurveyMeasure.HAD_INTERACTION).share()).isEqualTo(Proportion.of(3, 6));
        assertThat(a.effectiveness().of(SurveyMeasure.WELL_BEING).share()).isNull();
        assertThat(a.reach().physicians()).isEqualTo(4);
        assertThat(a.adoption().departments()).isEqualTo(1);
        assertThat(a.implementation().supportersCertified()).isEqualTo(1);

        Dashboard b = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(null, departmentB,
                FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        assertThat(b.effectiveness().outcomes()).allSatisfy(o -> assertThat(o.share()).isNull());
        assertThat(b.reach().physicians()).isEqualTo(1);
        assertThat(b.reach().shareOfAdoptedRoster()).isNull();
        assertThat(b.implementation().supportersCertified()).isZero();
    }

    @Test
    void maintenance_gives_the_same_figures_by_quarter() {
        List<Quarter> trend = hospital().trend();
        assertThat(trend).extracting(Quarter::label).containsExactly("2025 Q1", "2025 Q2");
        Quarter q1 = trend.get(0);
        Quarter q2 = trend.get(1);
        // Q1: p1, p2 (31 March local), the B physician. Q2: p1 again, p4, p6.
        assertThat(q1.reached()).isEqualTo(3);
        assertThat(q2.reached()).isEqualTo(3);
        assertThat(q1.interactions()).isEqualTo(6);
        assertThat(q2.interactions()).isEqualTo(3);
        assertThat(q1.successfulInteractions()).isEqualTo(4);
        assertThat(q2.successfulInteractions()).isEqualTo(3);
        assertThat(q1.referrals()).isEqualTo(3);
        assertThat(q2.referrals()).isEqualTo(3);
        assertThat(q1.medianHours()).isEqualTo(6.0);
        assertThat(q2.medianHours()).isEqualTo(10.0);
        assertThat(q1.withinTarget()).isEqualTo(Proportion.of(2, 3));
        assertThat(q2.withinTarget()).isEqualTo(Proportion.of(1, 2));
        assertThat(q1.escalations()).isZero();
        assertThat(q2.escalations()).isEqualTo(1);
        assertThat(q1.hadInteraction()).isEqualTo(Proportion.of(6, 11));
        // 6 of 6 alike is hidden on the campaign's own results, so nothing is added for Q2.
        assertThat(q2.recommend()).isNull();
    }

    @Test
    void a_period_starting_mid_way_counts_a_physician_reached_earlier_again() {
        Dashboard d = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(place.hospitalId(), null,
                YearMonth.of(2025, 4), YearMonth.of(2025, 6)));
        // p1 (May, also reached in February), p4, p6.
        assertThat(d.reach().physicians()).isEqualTo(3);
        assertThat(d.trend()).extracting(Quarter::reached).containsExactly(3L);
    }
}
