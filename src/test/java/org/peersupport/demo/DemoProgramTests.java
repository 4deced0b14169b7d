package org.peersupport.demo;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.peersupport.account.AccountService;
import org.peersupport.account.AccountSummary;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.TestDatabase;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The demo program of {@code ./mvnw spring-boot:run}, loaded into a database of its own at the
 * app clock's hour (the suite also runs at 02:30 UTC, still yesterday in California): on first
 * start the study table shows the POST study's headline figures, and the program has what a
 * first look needs.
 */
@SpringBootTest(properties = {"peersupport.demo-data=true", "peersupport.scheduling.enabled=false",
        "spring.session.jdbc.cleanup-cron=-", "spring.datasource.hikari.connection-timeout=5000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = {TestDatabase.Empty.class, TestMail.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoProgramTests {

    private static final ZoneId DEMO_ZONE = ZoneId.of("America/Los_Angeles");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    Clock clock;

    @Test
    void the_study_table_shows_the_post_studys_headline_figures_on_first_start() throws Exception {
        String csv = mvc.get().uri("/reports/study.csv").with(user(signedIn("admin@example.org")))
                .exchange().getResponse().getContentAsString();
        Map<String, String> program = new HashMap<>();
        // Scope, period, measure, this program, POST.
        for (CSVRecord row : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            program.put(row.get(2), row.get(3));
        }
        assertThat(program).containsEntry("Peer supporters trained", "59")
                .containsEntry("Departments with supporters", "11")
                .containsEntry("Successful interactions", "306");
        assertThat(program.get("Survey respondents who had a peer interaction")).startsWith("48.5% ")
                .endsWith("; 97 of 200)");
        assertThat(program.get("Would recommend the program to another department")).startsWith("85.0% ")
                .endsWith("; 170 of 200)");
        // Reached counts physicians with a successful interaction; some had more than one.
        assertThat(Integer.parseInt(program.get("Physicians reached"))).isBetween(200, 306);
    }

    @Test
    void the_history_spans_eighteen_months_with_referrals_of_every_source_and_trigger() {
        YearMonth thisMonth = YearMonth.now(clock.withZone(DEMO_ZONE));
        Timestamp first = jdbc.queryForObject("select min(occurred_at) from interaction", Timestamp.class);
        assertThat(YearMonth.from(first.toInstant().atZone(DEMO_ZONE))).isEqualTo(thisMonth.minusMonths(17));
        assertThat(jdbc.queryForObject("select count(*) from interaction where occurred_at > ?", Long.class,
                Timestamp.from(clock.instant()))).as("nothing happened after now").isZero();
        assertThat(jdbc.queryForList("select distinct source from referral order by 1", String.class))
                .containsExactly("COLLEAGUE", "EVENT", "LEADER", "SELF");
        assertThat(jdbc.queryForList("select distinct trigger_kind from referral", String.class)).hasSize(6);
        assertThat(jdbc.queryForList("select distinct outcome from referral where outcome is not null", String.class))
                .contains("SUPPORTED", "DECLINED", "NO_RESPONSE", "ESCALATED", "WITHDRAWN", "DUPLICATE");
        assertThat(jdbc.queryForObject("select count(*) from interaction where red_flag", Long.class))
                .isBetween(3L, 15L);
        // Cohorts: supporters trained in four sessions per hospital, with attendance.
        assertThat(jdbc.queryForObject("""
                select count(distinct ts.id) from training_session ts
                join training_attendance ta on ta.session_id = ts.id
                """, Long.class)).isEqualTo(8);
        // The median successful interaction lasts about an hour, as in POST.
        assertThat(jdbc.queryForObject("select percentile_cont(0.5) within group (order by minutes) from interaction "
                + "where outcome = 'CONNECTED'", Double.class)).isCloseTo(60.0, within(15.0));
    }

    @Test
    void open_cases_wait_in_every_state_one_urgent_and_some_overdue() {
        Map<String, Long> open = new HashMap<>();
        jdbc.query("select status, count(*) from referral where status <> 'CLOSED' group by status",
                rs -> {
                    open.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(open.get("NEW")).isGreaterThanOrEqualTo(2);
        assertThat(open.get("ASSIGNED")).isGreaterThanOrEqualTo(2);
        assertThat(open.get("CONTACTED")).isGreaterThanOrEqualTo(2);
        Timestamp now = Timestamp.from(clock.instant());
        assertThat(jdbc.queryForObject("select count(*) from referral where status = 'NEW' and urgent", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from referral where status = 'ASSIGNED' and due_at < ?",
                Long.class, now)).as("first contact overdue").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from referral where status = 'NEW' and not urgent "
                + "and created_at < ?::timestamptz - interval '24 hours'", Long.class, now)).as("assignment overdue").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from escalation_pending", Long.class)).isEqualTo(1);
        // Every open case has its referrer, who sees it as received.
        assertThat(jdbc.queryForObject("select count(*) from referral r where r.status <> 'CLOSED' and not exists "
                + "(select 1 from referral_request q where q.referral_id = r.id)", Long.class)).isZero();
    }

    @Test
    void nobody_shares_a_name_with_a_colleague_of_their_department() {
        List<String> repeated = jdbc.queryForList("select name from physician group by department_id, name "
                + "having count(*) > 1", String.class);
        assertThat(repeated).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from physician", Long.class)).isGreaterThan(1000);
    }

    private CurrentUser signedIn(String email) {
        AccountSummary account = accounts.accountByEmail(email).orElseThrow();
        return new CurrentUser(account.id(), account.email(), account.displayName(), account.roles(),
                account.hospitalIds(), account.physicianId(), null, true);
    }
}
