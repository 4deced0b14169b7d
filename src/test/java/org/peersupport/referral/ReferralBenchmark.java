package org.peersupport.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.referral.ReferralViews.CaseForSupporter;
import org.peersupport.referral.ReferralViews.QueueRow;
import org.peersupport.referral.TriageService.QueueFilter;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How fast the triage queue's first page and "My cases" answer with 100,000 referrals in the
 * database (one hospital of 5,000 physicians and 200 supporters, nearly five years of cases).
 * Times are server-side, through MockMvc: ten warm-up requests, then the median of twenty. It
 * prints the figures and asserts only what the pages show: a timed assertion would fail on a
 * slow machine and prove nothing.
 *
 * <p>Not one of Surefire's default test names, so {@code ./mvnw verify} leaves it out. Run it with
 * {@code ./mvnw -B -ntp test -Dtest=ReferralBenchmark}; the figures are in
 * target/surefire-reports/org.peersupport.referral.ReferralBenchmark-output.txt.
 */
@IntegrationTest
class ReferralBenchmark {

    static final int REFERRALS = 100_000;

    static final int PHYSICIANS = 5_000;

    static final int SUPPORTERS = 200;

    static final int DEPARTMENTS = 10;

    static final int REFERRERS = 20;

    /** The newest referrals are the open ones, one per physician; all older ones are closed. */
    static final int OPEN = 4_000;

    static final int WARM_UP = 10;

    static final int RUNS = 20;

    static final String[] TRIGGERS = {"ADVERSE_EVENT", "PATIENT_DEATH", "LITIGATION", "DIFFICULT_INTERACTION",
            "BURNOUT", "PERSONAL_OTHER"};

    static final String[] OUTCOMES = {"SUPPORTED", "SUPPORTED", "SUPPORTED", "DECLINED", "NO_RESPONSE", "ESCALATED",
            "WITHDRAWN", "DUPLICATE"};

    static final String[] SOURCES = {"COLLEAGUE", "COLLEAGUE", "COLLEAGUE", "SELF", "LEADER", "EVENT"};

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    TriageService triage;

    @Autowired
    CaseService cases;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    Clock clock;

    @Test
    void the_triage_queue_and_my_cases_with_100000_referrals() {
        long loadStart = System.nanoTime();
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        List<Long> departments = new ArrayList<>(List.of(place.departmentId()));
        for (int d = 1; d < DEPARTMENTS; d++) {
            departments.add(organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"),
                    HospitalScope.everything()));
        }
        CertifiedSupporter measured = fixtures.certifiedSupporter(place.departmentId());
        List<CurrentUser> referrers = new ArrayList<>();
        for (int r = 0; r < REFERRERS; r++) {
            referrers.add(fixtures.physicianUser(departments.get(r % DEPARTMENTS)));
        }
        long[] physicians = insertPhysicians(departments);
        long[] supporters = insertSupporters(place.hospitalId(), physicians, departments, measured.id());
        int openOfMeasured = insertReferrals(place, departments, physicians, supporters, referrers);
        jdbc.execute("analyze referral");
        jdbc.execute("analyze referral_request");
        jdbc.execute("analyze physician");
        long loaded = System.nanoTime();

        // What the pages show is right: the hospital's open cases in the queue, urgent first; closed on request.
        Page<QueueRow> first = triage.queue(QueueFilter.of(null, null),
                QueueOrder.URGENT_FIRST, coordinator.hospitalScope(), PageRequest.of(0, 25));
        assertThat(first.getTotalElements()).isEqualTo(OPEN);
        assertThat(triage.queue(QueueFilter.of(null, ReferralStatus.CLOSED),
                QueueOrder.URGENT_FIRST, coordinator.hospitalScope(), PageRequest.of(0, 25))
                .getTotalElements()).isEqualTo(REFERRALS - OPEN);
        assertThat(first.getContent()).hasSize(25).allSatisfy(row -> {
            assertThat(row.urgent()).isTrue();
            assertThat(row.status()).isNotEqualTo(ReferralStatus.CLOSED);
        });
        assertThat(first.getContent()).extracting(QueueRow::createdAt).isSorted();
        List<CaseForSupporter> mine = cases.myCases(measured.user());
        assertThat(mine).hasSize(openOfMeasured).allSatisfy(c -> assertThat(c.status())
                .isIn(ReferralStatus.ASSIGNED, ReferralStatus.CONTACTED));
        assertThat(mvc.get().uri("/triage").with(user(coordinator))).hasStatusOk().bodyText()
                .contains(first.getContent().get(0).physicianName(), "/triage/" + first.getContent().get(0).id());
        assertThat(mvc.get().uri("/cases").with(user(measured.user()))).hasStatusOk().bodyText()
                .contains("/cases/" + mine.get(0).id());

        Figure queuePage = time(() -> mvc.get().uri("/triage").with(user(coordinator)).exchange());
        Figure queueFiltered = time(() -> mvc.get().uri("/triage?status=NEW&trigger=BURNOUT")
                .with(user(coordinator)).exchange());
        Figure queueLastPage = time(() -> mvc.get().uri("/triage?status=CLOSED&page=3800").with(user(coordinator))
                .exchange());
        Figure myCases = time(() -> mvc.get().uri("/cases").with(user(measured.user())).exchange());
        Figure myReferrals = time(() -> mvc.get().uri("/referrals/mine").with(user(referrers.get(0))).exchange());

        System.out.printf("ReferralBenchmark: %,d referrals (%,d open), %,d physicians, %,d supporters, loaded in %,d ms%n",
                REFERRALS, OPEN, PHYSICIANS, SUPPORTERS, (loaded - loadStart) / 1_000_000);
        System.out.printf("  server-side, MockMvc, median of %d after %d warm-up requests (min / max):%n", RUNS,
                WARM_UP);
        print("triage queue, first page   /triage", queuePage);
        print("triage queue, filtered     /triage?status=NEW&trigger=BURNOUT", queueFiltered);
        print("closed cases, deep page    /triage?status=CLOSED&page=3800", queueLastPage);
        print("My cases (" + openOfMeasured + " open)      /cases", myCases);
        print("My referrals (" + REFERRALS / REFERRERS + " sent) /referrals/mine", myReferrals);
    }

    record Figure(double median, double min, double max, long statements) {
    }

    Figure time(Supplier<MvcTestResult> request) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(request.get()).hasStatusOk();
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        double[] millis = new double[RUNS];
        long statements = 0;
        for (int i = 0; i < RUNS; i++) {
            statistics.clear();
            long start = System.nanoTime();
            MvcTestResult result = request.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            statements = statistics.getPrepareStatementCount();
            assertThat(result).hasStatusOk();
        }
        Arrays.sort(millis);
        return new Figure((millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2, millis[0], millis[RUNS - 1], statements);
    }

    static void print(String what, Figure figure) {
        System.out.printf("    %-62s %7.1f ms  (%5.1f / %6.1f)  %d SQL statements%n", what, figure.median(),
                figure.min(), figure.max(), figure.statements());
    }

    long[] insertPhysicians(List<Long> departments) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Object[]> rows = new ArrayList<>(PHYSICIANS);
        for (int i = 0; i < PHYSICIANS; i++) {
            rows.add(new Object[] {"Bench Physician " + run + " " + i, "bench-" + run + "-" + i + "@example.org",
                    "555-" + String.format("%04d", i), departments.get(i % departments.size())});
        }
        jdbc.batchUpdate("insert into physician (name, email, phone, department_id, specialty) "
                + "values (?, ?, ?, ?, 'Internal Medicine')", rows);
        return jdbc.queryForList("select id from physician where email like ? order by id", Long.class,
                "bench-" + run + "-%").stream().mapToLong(Long::longValue).toArray();
    }

    /** Active, certified supporters; the measured one, made through the services, comes first. */
    long[] insertSupporters(long hospitalId, long[] physicians, List<Long> departments, long measuredId) {
        LocalDate certified = LocalDate.now(clock.withZone(Fixtures.ZONE)).minusMonths(3);
        long[] ids = new long[SUPPORTERS];
        ids[0] = measuredId;
        for (int s = 1; s < SUPPORTERS; s++) {
            ids[s] = jdbc.queryForObject("insert into supporter (physician_id, hospital_id, status, capacity, "
                    + "certified_on) values (?, ?, 'ACTIVE', 3, ?) returning id", Long.class, physicians[s], hospitalId,
                    java.sql.Date.valueOf(certified));
            jdbc.update("insert into supporter_department (supporter_id, department_id) values (?, ?)", ids[s],
                    departments.get(s % departments.size()));
        }
        return ids;
    }

    /**
     * A referral every 25 minutes for nearly five years, each with its request. The newest 4,000 are
     * open: half new, half assigned or contacted, ten to each supporter. Returns the measured
     * supporter's open cases.
     */
    int insertReferrals(Place place, List<Long> departments, long[] physicians, long[] supporters,
            List<CurrentUser> referrers) {
        Instant now = clock.instant();
        List<Object[]> referrals = new ArrayList<>();
        List<Object[]> requests = new ArrayList<>();
        int openOfMeasured = 0;
        for (int i = 0; i < REFERRALS; i++) {
            UUID id = UUID.randomUUID();
            int p = i % PHYSICIANS;
            Instant created = now.minus(Duration.ofMinutes(25L * (REFERRALS - i)));
            boolean urgent = i % 10 == 0;
            String status;
            Long supporter = null;
            Instant assigned = null;
            Instant due = null;
            Instant contacted = null;
            Instant closed = null;
            String outcome = null;
            if (i < REFERRALS - OPEN) {
                status = "CLOSED";
                outcome = OUTCOMES[i % OUTCOMES.length];
                supporter = supporters[i % SUPPORTERS];
                assigned = created.plus(Duration.ofHours(1));
                due = assigned.plus(Duration.ofHours(urgent ? 4 : 24));
                contacted = created.plus(Duration.ofHours(5));
                closed = created.plus(Duration.ofDays(7));
            }
            else {
                int j = i - (REFERRALS - OPEN);
                if (j % 2 == 0) {
                    status = "NEW";
                }
                else {
                    status = j % 8 == 1 ? "CONTACTED" : "ASSIGNED";
                    supporter = supporters[(j / 2) % SUPPORTERS];
                    assigned = created.plus(Duration.ofMinutes(30));
                    due = assigned.plus(Duration.ofHours(urgent ? 4 : 24));
                    contacted = status.equals("CONTACTED") ? assigned.plus(Duration.ofHours(2)) : null;
                    if (supporter == supporters[0]) {
                        openOfMeasured++;
                    }
                }
            }
            referrals.add(new Object[] {id, place.hospitalId(), departments.get(p % departments.size()), physicians[p],
                    SOURCES[i % SOURCES.length], TRIGGERS[i % TRIGGERS.length], urgent,
                    i % 3 == 0 ? "Benchmark context " + i : null, status, outcome, supporter, ts(assigned), ts(due),
                    ts(contacted), ts(closed), ts(created)});
            CurrentUser referrer = referrers.get(i % REFERRERS);
            requests.add(new Object[] {UUID.randomUUID(), id, referrer.accountId(),
                    referrer.physicianId().orElseThrow(), i % 4 == 0, UUID.randomUUID(), ts(created)});
            if (referrals.size() == 5_000 || i == REFERRALS - 1) {
                jdbc.batchUpdate("insert into referral (id, hospital_id, department_id, physician_id, source, "
                        + "trigger_kind, urgent, context, status, outcome, supporter_id, assigned_at, due_at, "
                        + "first_contact_at, closed_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?)", referrals);
                jdbc.batchUpdate("insert into referral_request (id, referral_id, referrer_account_id, "
                        + "referrer_physician_id, named, submission_key, submitted_at) values (?, ?, ?, ?, ?, ?, ?)",
                        requests);
                referrals.clear();
                requests.clear();
            }
        }
        return openOfMeasured;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
