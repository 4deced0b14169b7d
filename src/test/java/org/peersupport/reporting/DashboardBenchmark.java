package org.peersupport.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How fast the dashboard answers for a national program: the synthetic data of
 * src/test/resources/reporting/national-program.sql (100 hospitals, 2,000 departments, 250,000
 * physicians, 10,000 supporters, 1,000,000 referrals, 2,000,000 interactions, about 1,000,000
 * survey answers), loaded once into the test database if it is not there yet. Times are
 * server-side, through MockMvc (the whole page: queries and rendering): ten warm-up requests, then
 * the median of twenty. It prints the figures and asserts only what the pages show.
 *
 * <p>Not one of Surefire's default test names, so {@code ./mvnw verify} leaves it out. Run it, for
 * example on the local PostgreSQL with a database of its own that it keeps between runs:
 * {@code createdb -h 127.0.0.1 -U postgres peersupport_bench;
 * TEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/peersupport_bench TEST_DATABASE_USERNAME=postgres
 * ./mvnw -B -ntp test -Dtest=DashboardBenchmark}; the figures are in
 * target/surefire-reports/org.peersupport.reporting.DashboardBenchmark-output.txt.
 */
@IntegrationTest
class DashboardBenchmark {

    static final long FIRST_HOSPITAL = 10_000_001L;

    static final long FIRST_DEPARTMENT = 10_000_001L;

    static final int WARM_UP = 10;

    static final int RUNS = 20;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReportingRefresh refresh;

    @Autowired
    DashboardService dashboards;

    @Test
    void the_dashboard_of_a_national_program() throws SQLException {
        if (jdbc.queryForObject("select count(*) from hospital where id = ?", Long.class, FIRST_HOSPITAL) == 0) {
            long start = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource("reporting/national-program.sql"));
            }
            System.out.printf("DashboardBenchmark: national program generated in %,d s%n",
                    (System.nanoTime() - start) / 1_000_000_000);
        }
        long start = System.nanoTime();
        refresh.refresh();
        System.out.printf("DashboardBenchmark: summaries refreshed in %,d ms (the first refresh also summarizes "
                + "every closed campaign)%n", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        refresh.refresh();
        System.out.printf("DashboardBenchmark: a later refresh took %,d ms%n", (System.nanoTime() - start) / 1_000_000);
        System.out.printf("DashboardBenchmark: %,d interactions, %,d referrals, %,d survey answers, %,d physicians%n",
                count("interaction"), count("referral"), count("survey_answer"), count("physician"));

        CurrentUser admin = fixtures.admin();
        CurrentUser coordinator = fixtures.coordinator(FIRST_HOSPITAL, FIRST_HOSPITAL + 1, FIRST_HOSPITAL + 2);
        String fourYears = "from=2022-12&to=2026-11";
        System.out.printf("  server-side, MockMvc, median of %d after %d warm-up requests (min / max):%n", RUNS,
                WARM_UP);
        time("program, last 12 months (administrator)", () -> page("/reports", admin));
        time("program, four years", () -> page("/reports?" + fourYears, admin));
        time("one hospital, four years", () -> page("/reports?hospitalId=" + FIRST_HOSPITAL + "&" + fourYears, admin));
        time("a coordinator's three hospitals, four years", () -> page("/reports?" + fourYears, coordinator));
        time("one department, four years",
                () -> page("/reports?departmentId=" + FIRST_DEPARTMENT + "&" + fourYears, admin));
        time("study table, program, four years", () -> page("/reports/study?" + fourYears, admin));
        time("trend CSV, program, four years", () -> page("/reports/trend.csv?" + fourYears, admin));
        time("DashboardService alone, program, four years", () -> {
            dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(null, null, YearMonth.of(2022, 12),
                    YearMonth.of(2026, 11)));
            return "";
        });

        Dashboard program = dashboards.dashboard(HospitalScope.everything(), new DashboardFilter(null, null,
                YearMonth.of(2022, 12), YearMonth.of(2026, 11)));
        System.out.printf("  program, four years: %,d physicians reached, %,d successful interactions, %,d referrals,"
                + " median %.1f h to first contact, %d of %d departments adopted%n", program.reach().physicians().value(),
                program.implementation().successfulInteractions().value(), program.reach().referrals().value(),
                program.implementation().medianHours().value(), program.adoption().adopted().value(),
                program.adoption().departments().value());
        // A national program's figures are far above any minimum group size: shown, not hidden.
        assertThat(program.reach().physicians().hidden()).isFalse();
        assertThat(program.reach().physicians().value()).isGreaterThan(100_000);
        // A few follow-ups of the latest cases fall after November 2026.
        assertThat(program.implementation().interactions().value()).isGreaterThan(1_900_000);
        assertThat(program.effectiveness().of(SurveyMeasure.RECOMMEND).share()).isNotNull();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private String page(String path, CurrentUser who) {
        MvcTestResult result = mvc.get().uri(path).with(user(who)).exchange();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return path;
    }

    private void time(String what, Supplier<String> request) {
        for (int i = 0; i < WARM_UP; i++) {
            request.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            request.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        System.out.printf("    %-50s %7.1f ms  (%5.1f / %6.1f)%n", what, (millis[RUNS / 2 - 1] + millis[RUNS / 2]) / 2,
                millis[0], millis[RUNS - 1]);
    }
}
