package org.peersupport.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peersupport.organization.OrganizationService;
import org.peersupport.reporting.Dashboard.Count;
import org.peersupport.reporting.Dashboard.Figure;
import org.peersupport.reporting.Dashboard.Hours;
import org.peersupport.reporting.Dashboard.Quarter;
import org.peersupport.reporting.Dashboard.Share;
import org.peersupport.reporting.domain.Slice;
import org.peersupport.reporting.domain.SummaryQueries;
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

    @Autowired
    SummaryQueries queries;

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

    /**
     * The figures with nothing hidden (a minimum group size of 1; the pages always use the
     * program's setting, at least 5), to check the arithmetic on a program this small.
     */
    Dashboard arithmetic(DashboardFilter filter) {
        // As a coordinator of this test's two hospitals, so that the other tests' hospitals in the
        // shared database cannot have these hidden with them (Subtraction; SubtractionTest).
        return dashboards.dashboard(HospitalScope.of(Set.of(place.hospitalId(), elsewhere.hospitalId())), filter, 1);
    }

    static Figure n(long count) {
        return Figure.of(count);
    }

    Dashboard hospital() {
        return arithmetic(new DashboardFilter(place.hospitalId(), null,
                FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
    }

    @Test
    void reach_counts_each_physician_with_a_successful_interaction_in_the_period_once() {
        Dashboard d = hospital();
        // p1, p2 (31 March in Chicago), p4, p6 in A; one in B. Not p3 (declined), p5 (before), p7 (after).
        assertThat(d.reach().physicians()).isEqualTo(n(5));
        assertThat(d.reach().inAdoptedDepartments()).isEqualTo(n(4));
        // The roster of adopted A: the supporter and nine physicians.
        assertThat(d.reach().shareOfAdoptedRoster()).isEqualTo(Share.of(Proportion.of(4, 10)));
        assertThat(d.reach().referrals()).isEqualTo(n(6));
        assertThat(d.reach().bySource()).containsExactly(new Count("COLLEAGUE", n(3)), new Count("EVENT", n(1)),
                new Count("LEADER", n(1)), new Count("SELF", n(1)));
        assertThat(d.reach().byTrigger()).containsExactly(new Count("BURNOUT", n(3)), new Count("ADVERSE_EVENT", n(2)),
                new Count("PERSONAL_OTHER", n(1)));
    }

    @Test
    void a_physician_reached_in_two_departments_counts_once_for_the_hospital_and_for_each_department() {
        DashboardFilter hospital = new DashboardFilter(elsewhere.hospitalId(), null, FIRST_HALF_2025.from(),
                FIRST_HALF_2025.to());
        Dashboard d = arithmetic(hospital);
        assertThat(d.reach().physicians()).isEqualTo(n(1));
        // Adopted X holds the supporter and the physician; only the physician's own department counts.
        assertThat(d.reach().inAdoptedDepartments()).isEqualTo(n(1));
        assertThat(d.reach().shareOfAdoptedRoster()).isEqualTo(Share.of(Proportion.of(1, 2)));
        for (long department : new long[] {departmentX, departmentY}) {
            // Y's roster is empty (its one physician is on X's), so even the dashboard at a minimum
            // of 1 hides Y as a whole: ask the summaries themselves.
            assertThat(queries.reached(Slice.department(department), FIRST_HALF_2025.firstMonth(),
                    FIRST_HALF_2025.lastMonth()).physicians()).as("department " + department).isEqualTo(1);
        }
        // And X is hidden with Y: the hospital minus X would be Y's figures.
        assertThat(arithmetic(new DashboardFilter(elsewhere.hospitalId(), departmentX, FIRST_HALF_2025.from(),
                FIRST_HALF_2025.to())).reach().physicians()).isEqualTo(Figure.HIDDEN);
        assertThat(arithmetic(new DashboardFilter(elsewhere.hospitalId(), departmentY, FIRST_HALF_2025.from(),
                FIRST_HALF_2025.to())).reach().physicians()).isEqualTo(Figure.HIDDEN);
        // March alone: reached then too (in X), so counted, once.
        Dashboard secondQuarter = arithmetic(new DashboardFilter(
                elsewhere.hospitalId(), null, java.time.YearMonth.of(2025, 3), java.time.YearMonth.of(2025, 3)));
        assertThat(secondQuarter.reach().physicians()).isEqualTo(n(1));
    }

    @Test
    void the_wilson_interval_of_four_in_ten() {
        Proportion share = hospital().reach().shareOfAdoptedRoster().proportion();
        assertThat(share.estimate()).isEqualTo(0.4);
        assertThat(share.low()).isCloseTo(0.1682, within(0.0005));
        assertThat(share.high()).isCloseTo(0.6873, within(0.0005));
        assertThat(share.lowPercent()).isEqualTo(17);
        assertThat(share.highPercent()).isEqualTo(69);
    }

    @Test
    void adoption_is_departments_with_an_active_certified_supporter_and_the_roster_they_cover() {
        Dashboard d = hospital();
        assertThat(d.adoption().departments()).isEqualTo(n(2));
        assertThat(d.adoption().adopted()).isEqualTo(n(1));
        assertThat(d.adoption().adoptedShare()).isEqualTo(Share.of(Proportion.of(1, 2)));
        assertThat(d.adoption().roster()).isEqualTo(n(15));
        assertThat(d.adoption().rosterInAdopted()).isEqualTo(n(10));
        assertThat(d.adoption().coverage()).isEqualTo(Share.of(Proportion.of(10, 15)));
    }

    @Test
    void implementation_times_first_contact_and_counts_escalations() {
        Dashboard.Implementation i = hospital().implementation();
        // Contacted after 2.5, 6.0, 10.0 and 24.0 hours: the median is the second, the 90th percentile the fourth.
        assertThat(i.contacted()).isEqualTo(n(4));
        assertThat(i.medianHours()).isEqualTo(Hours.of(6.0));
        assertThat(i.p90Hours()).isEqualTo(Hours.of(24.0));
        // Due: the four contacted and the overdue open case, not the withdrawn one; three in time.
        assertThat(i.withinTarget()).isEqualTo(Share.of(Proportion.of(3, 5)));
        assertThat(i.interactions()).isEqualTo(n(9));
        assertThat(i.successfulInteractions()).isEqualTo(n(7));
        assertThat(i.proactiveInteractions()).isEqualTo(n(6));
        assertThat(i.escalations()).isEqualTo(n(1));
        // Trained today, so not by the end of June 2025, but certified now.
        assertThat(i.supportersTrained()).isEqualTo(n(0));
        assertThat(i.supportersCertified()).isEqualTo(n(1));
        Dashboard untilNow = arithmetic(new DashboardFilter(place.hospitalId(),
                null, YearMonth.of(2025, 1), YearMonth.from(fixtures.today()).plusMonths(1)));
        assertThat(untilNow.implementation().supportersTrained()).isEqualTo(n(1));
        // By quarter, trained by each quarter's end: none in 2025 Q1, one in the current quarter.
        assertThat(untilNow.trend().get(0).supportersTrained()).isEqualTo(n(0));
        assertThat(untilNow.trend().get(untilNow.trend().size() - 1).supportersTrained()).isEqualTo(n(1));
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
        Dashboard a = arithmetic(new DashboardFilter(null,
                place.departmentId(), FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        // March hid A (with B), so only May counts for A.
        assertThat(a.effectiveness().of(SurveyMeasure.RESPONDED).share()).isEqualTo(Proportion.of(6, 10));
        assertThat(a.effectiveness().of(SurveyMeasure.HAD_INTERACTION).share()).isEqualTo(Proportion.of(3, 6));
        assertThat(a.effectiveness().of(SurveyMeasure.WELL_BEING).share()).isNull();
        assertThat(a.reach().physicians()).isEqualTo(n(4));
        assertThat(a.adoption().departments()).isEqualTo(n(1));
        assertThat(a.implementation().supportersCertified()).isEqualTo(n(1));

        Dashboard b = arithmetic(new DashboardFilter(null, departmentB,
                FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        assertThat(b.effectiveness().outcomes()).allSatisfy(o -> assertThat(o.share()).isNull());
        assertThat(b.reach().physicians()).isEqualTo(n(1));
        assertThat(b.reach().shareOfAdoptedRoster()).isEqualTo(Share.NONE);
        assertThat(b.implementation().supportersCertified()).isEqualTo(n(0));
    }

    @Test
    void maintenance_gives_the_same_figures_by_quarter() {
        List<Quarter> trend = hospital().trend();
        assertThat(trend).extracting(Quarter::label).containsExactly("2025 Q1", "2025 Q2");
        Quarter q1 = trend.get(0);
        Quarter q2 = trend.get(1);
        // Q1: p1, p2 (31 March local), the B physician. Q2: p1 again, p4, p6.
        assertThat(q1.reached()).isEqualTo(n(3));
        assertThat(q2.reached()).isEqualTo(n(3));
        assertThat(q1.interactions()).isEqualTo(n(6));
        assertThat(q2.interactions()).isEqualTo(n(3));
        assertThat(q1.successfulInteractions()).isEqualTo(n(4));
        assertThat(q2.successfulInteractions()).isEqualTo(n(3));
        assertThat(q1.referrals()).isEqualTo(n(3));
        assertThat(q2.referrals()).isEqualTo(n(3));
        assertThat(q1.medianHours()).isEqualTo(Hours.of(6.0));
        assertThat(q2.medianHours()).isEqualTo(Hours.of(10.0));
        assertThat(q1.withinTarget()).isEqualTo(Share.of(Proportion.of(2, 3)));
        assertThat(q2.withinTarget()).isEqualTo(Share.of(Proportion.of(1, 2)));
        assertThat(q1.escalations()).isEqualTo(n(0));
        assertThat(q2.escalations()).isEqualTo(n(1));
        assertThat(q1.hadInteraction()).isEqualTo(Proportion.of(6, 11));
        // 6 of 6 alike is hidden on the campaign's own results, so nothing is added for Q2.
        assertThat(q2.recommend()).isNull();
    }

    @Test
    void a_period_starting_mid_way_counts_a_physician_reached_earlier_again() {
        Dashboard d = arithmetic(new DashboardFilter(place.hospitalId(), null,
                YearMonth.of(2025, 4), YearMonth.of(2025, 6)));
        // p1 (May, also reached in February), p4, p6.
        assertThat(d.reach().physicians()).isEqualTo(n(3));
        assertThat(d.trend()).extracting(Quarter::reached).containsExactly(n(3));
    }

    @Test
    void with_the_programs_minimum_of_five_the_small_counts_of_this_program_are_hidden() {
        // As this hospital's coordinator: in the whole test database, the many tiny hospitals of other
        // tests could have this one hidden with them (Subtraction), which SubtractionTest covers.
        Dashboard d = dashboards.dashboard(HospitalScope.of(Set.of(place.hospitalId())),
                new DashboardFilter(place.hospitalId(), null, FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        assertThat(d.minGroupSize()).isEqualTo(5);
        assertThat(d.smallGroup()).isFalse();
        // Five reached and six referrals are shown; four of the five in adopted departments are not,
        // nor is their share, and every source (3, 1, 1, 1) and trigger (3, 2, 1) is under five.
        assertThat(d.reach().physicians()).isEqualTo(n(5));
        assertThat(d.reach().inAdoptedDepartments()).isEqualTo(Figure.HIDDEN);
        assertThat(d.reach().shareOfAdoptedRoster()).isEqualTo(Share.HIDDEN);
        assertThat(d.reach().referrals()).isEqualTo(n(6));
        assertThat(d.reach().bySource()).extracting(Count::key).containsExactly("COLLEAGUE", "EVENT", "LEADER", "SELF");
        assertThat(d.reach().bySource()).extracting(Count::count).containsOnly(Figure.HIDDEN);
        assertThat(d.reach().byTrigger()).extracting(Count::count).containsOnly(Figure.HIDDEN);
        // Nine interactions are shown; 7 successful and 6 proactive are not, as 2 and 3 would
        // follow from the nine; one escalation is not; four contacted cases give no times.
        Dashboard.Implementation i = d.implementation();
        assertThat(i.interactions()).isEqualTo(n(9));
        assertThat(i.successfulInteractions()).isEqualTo(Figure.HIDDEN);
        assertThat(i.proactiveInteractions()).isEqualTo(Figure.HIDDEN);
        assertThat(i.escalations()).isEqualTo(Figure.HIDDEN);
        assertThat(i.contacted()).isEqualTo(Figure.HIDDEN);
        assertThat(i.medianHours()).isEqualTo(Hours.HIDDEN);
        assertThat(i.p90Hours()).isEqualTo(Hours.HIDDEN);
        assertThat(i.withinTarget()).isEqualTo(Share.HIDDEN);
        // Supporters are the program's staff, not the people it supported.
        assertThat(i.supportersCertified()).isEqualTo(n(1));
        // By quarter: 6 and 3 interactions of the nine, so the 6 is hidden with the 3; no escalation
        // in the first quarter is shown as 0.
        Quarter q1 = d.trend().get(0);
        Quarter q2 = d.trend().get(1);
        assertThat(List.of(q1.reached(), q2.reached(), q1.interactions(), q2.interactions(),
                q1.successfulInteractions(), q2.successfulInteractions(), q1.referrals(), q2.referrals(),
                q2.escalations())).containsOnly(Figure.HIDDEN);
        assertThat(q1.escalations()).isEqualTo(n(0));
        assertThat(List.of(q1.medianHours(), q2.medianHours())).containsOnly(Hours.HIDDEN);
        assertThat(List.of(q1.withinTarget(), q2.withinTarget())).containsOnly(Share.HIDDEN);
        // The survey's own results were suppressed when each campaign closed, and stay as they are.
        // (May's 6 of 6 alike is hidden there for homogeneity, so only March's 10 of 11 is summed.)
        assertThat(d.effectiveness().of(SurveyMeasure.RECOMMEND).share()).isEqualTo(Proportion.of(10, 11));
        assertThat(q1.hadInteraction()).isEqualTo(Proportion.of(6, 11));
    }

    @Test
    void a_department_of_five_follows_the_rule_count_by_count_and_a_smaller_one_hides_every_count() {
        Dashboard b = dashboards.dashboard(HospitalScope.of(Set.of(place.hospitalId())),
                new DashboardFilter(null, departmentB, FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        assertThat(b.smallGroup()).isFalse();
        assertThat(b.reach().physicians()).isEqualTo(Figure.HIDDEN);
        assertThat(b.reach().referrals()).isEqualTo(n(0));
        assertThat(b.implementation().proactiveInteractions()).isEqualTo(Figure.HIDDEN);
        // X: the supporter and one physician on its roster. Zeros are hidden too, and no source is listed.
        Dashboard x = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(null, departmentX,
                FIRST_HALF_2025.from(), FIRST_HALF_2025.to()));
        assertThat(x.smallGroup()).isTrue();
        assertThat(List.of(x.reach().physicians(), x.reach().inAdoptedDepartments(), x.reach().referrals(),
                x.implementation().interactions(), x.implementation().successfulInteractions(),
                x.implementation().proactiveInteractions(), x.implementation().escalations(),
                x.implementation().contacted())).containsOnly(Figure.HIDDEN);
        assertThat(x.reach().shareOfAdoptedRoster()).isEqualTo(Share.HIDDEN);
        assertThat(x.reach().bySource()).isEmpty();
        assertThat(x.trend()).allSatisfy(q -> assertThat(List.of(q.reached(), q.interactions(),
                q.successfulInteractions(), q.referrals(), q.escalations())).containsOnly(Figure.HIDDEN));
        assertThat(x.effectiveness().outcomes()).allSatisfy(o -> assertThat(o.share()).isNull());
        // Nor its roster, its adoption or its supporters: no figure at all.
        assertThat(List.of(x.adoption().departments(), x.adoption().roster(), x.implementation().supportersCertified()))
                .containsOnly(Figure.HIDDEN);
        assertThat(List.of(x.adoption().adoptedShare(), x.adoption().coverage())).containsOnly(Share.HIDDEN);
    }
}
