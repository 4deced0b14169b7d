package org.peersupport.operations;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peersupport.PeerSupportApplication;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterJobs;
import org.peersupport.support.Fixtures;
import org.peersupport.support.HttpSessionClient;
import org.peersupport.support.TestDatabase;
import org.peersupport.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the app, each on its own port, against one database, as behind a load
 * balancer: a session made on one is honoured on the other, ending it on one ends it on both, a
 * scheduled job runs once across both, a change to reference data made on one shows on the other
 * within two seconds, and when one stops the other serves on.
 */
class TwoInstancesTests {

    static ConfigurableApplicationContext first;

    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(PeerSupportApplication.class, Fixtures.class)
                .initializers(new TestDatabase(), new TestMail())
                // Arguments, so they win over application.properties, as the environment would.
                .run("--server.port=0", "--peersupport.scheduling.enabled=false",
                        "--spring.session.jdbc.cleanup-cron=-", "--spring.datasource.hikari.connection-timeout=5000",
                        "--spring.datasource.hikari.maximum-pool-size=4");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void a_session_made_on_one_instance_is_honoured_and_ended_on_the_other() {
        Fixtures fixtures = first.getBean(Fixtures.class);
        CurrentUser admin = fixtures.admin();
        CurrentUser user = fixtures.account(EnumSet.of(Role.COORDINATOR), Set.of(fixtures.hospital().hospitalId()),
                null);
        HttpSessionClient onFirst = new HttpSessionClient(port(first));
        HttpSessionClient onSecond = onFirst.at(port(second));

        assertThat(location(onFirst.signIn(user.email(), Fixtures.PASSWORD, fixtures::secondFactorCode))).isEqualTo("/");
        assertThat(onSecond.get("/").statusCode()).as("signed in on the other instance too").isEqualTo(200);
        assertThat(onSecond.get("/").body()).contains(user.displayName());

        HttpResponse<String> signedOut = onSecond.submit("/", "/logout", "");
        assertThat(location(signedOut)).isEqualTo("/login?signedOut");
        assertThat(location(onFirst.get("/")))
                .as("signed out on the first instance too").endsWith("/login");

        assertThat(location(onFirst.signIn(user.email(), Fixtures.PASSWORD, fixtures::secondFactorCode))).as("back to the page asked for")
                .isEqualTo("/?continue");
        assertThat(onSecond.get("/").statusCode()).isEqualTo(200);
        second.getBean(AccountService.class).disable(user.accountId(), admin.accountId());
        assertThat(location(onFirst.get("/")))
                .as("disabling the account on one instance ends its session on the other").isEqualTo("/login?ended");
        assertThat(location(onSecond.get("/"))).isEqualTo("/login");
    }

    @Test
    void a_scheduled_job_runs_once_across_both_instances() throws Exception {
        Fixtures fixtures = first.getBean(Fixtures.class);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        long supporterId = fixtures.certifiedSupporter(fixtures.hospital().departmentId()).id();
        int validMonths = first.getBean(OrganizationService.class).settings().certificationValidMonths();
        LocalDate expiringSoon = fixtures.today().minusMonths(validMonths).plusDays(30);
        jdbc.update("update supporter set certified_on = ? where id = ?", expiringSoon, supporterId);

        // While the first instance runs the job (holds its lock), the second's run does nothing.
        LockProvider locks = first.getBean(LockProvider.class);
        SimpleLock running = locks.lock(new LockConfiguration(first.getBean(Clock.class).instant(),
                "certification-reminders", Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        second.getBean(SupporterJobs.class).scheduledReminders();
        assertThat(reminders(jdbc, supporterId)).as("skipped while the other instance holds the lock").isZero();
        running.unlock();

        // Both instances' timers fire at once: the work is done once.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Void>> runs = List.of(first, second).stream().<Callable<Void>>map(c -> () -> {
                together.await(10, TimeUnit.SECONDS);
                c.getBean(SupporterJobs.class).scheduledReminders();
                return null;
            }).toList();
            for (Future<Void> run : pool.invokeAll(runs)) {
                run.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(reminders(jdbc, supporterId)).isEqualTo(1);
        second.getBean(SupporterJobs.class).scheduledReminders();
        assertThat(reminders(jdbc, supporterId)).as("a later run on either instance sends nothing twice").isEqualTo(1);
    }

    @Test
    void after_one_instance_stops_gracefully_the_other_serves_every_request() {
        ConfigurableApplicationContext leaving = instance();
        Fixtures fixtures = second.getBean(Fixtures.class);
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        HttpSessionClient onLeaving = new HttpSessionClient(port(leaving));
        HttpSessionClient onStaying = onLeaving.at(port(second));
        assertThat(location(onLeaving.signIn(user.email(), Fixtures.PASSWORD, fixtures::secondFactorCode)))
                .isEqualTo("/");

        leaving.close();

        assertThat(leaving.isActive()).isFalse();
        for (String page : List.of("/", "/roster", "/admin/accounts", "/crisis")) {
            assertThat(onStaying.get(page).statusCode()).as(page + " on the instance that stayed").isEqualTo(200);
        }
        assertThat(location(onStaying.submit("/", "/logout", ""))).isEqualTo("/login?signedOut");
        assertThat(location(onStaying.signIn(user.email(), Fixtures.PASSWORD, fixtures::secondFactorCode)))
                .isEqualTo("/");
    }

    @Test
    void a_change_to_reference_data_on_one_instance_is_seen_at_once_there_and_within_two_seconds_on_the_other() {
        Fixtures fixtures = first.getBean(Fixtures.class);
        OrganizationService onFirst = first.getBean(OrganizationService.class);
        OrganizationService onSecond = second.getBean(OrganizationService.class);
        Fixtures.Place place = fixtures.hospital();
        long id = place.hospitalId();
        // The second instance reads the new hospital, and from then on has it in its cache.
        await().atMost(Duration.ofSeconds(2)).until(() -> onSecond.hospital(id).isPresent());
        assertThat(onSecond.hospital(id).orElseThrow().name()).isEqualTo(place.hospitalName());
        assertThat(onSecond.departments(id)).extracting(DepartmentSummary::hospitalName)
                .containsExactly(place.hospitalName());

        String renamed = Fixtures.unique("Renamed");
        onFirst.changeHospital(id, renamed, Fixtures.ZONE, onFirst.hospitalToEdit(id, HospitalScope.everything())
                .version());
        assertThat(onFirst.hospital(id).orElseThrow().name()).as("at once where it was made").isEqualTo(renamed);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(onSecond.hospital(id).orElseThrow().name()).isEqualTo(renamed);
            assertThat(onSecond.departments(id)).extracting(DepartmentSummary::hospitalName).containsExactly(renamed);
        });
        CurrentUser admin = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        HttpSessionClient client = new HttpSessionClient(port(second));
        assertThat(location(client.signIn(admin.email(), Fixtures.PASSWORD, fixtures::secondFactorCode))).isEqualTo("/");
        assertThat(client.get("/organization/hospitals").body()).contains(renamed)
                .doesNotContain(place.hospitalName());

        ProgramSettingsView before = onSecond.settings();
        String program = Fixtures.unique("Program");
        onFirst.changeSettings(new ProgramSettingsView(program, before.matchingPolicy(),
                before.assignTargetHours(), before.urgentAssignTargetHours(), before.firstContactTargetHours(),
                before.urgentTargetHours(), before.certificationValidMonths(),
                before.noteRetentionDays(), before.surveyMinGroupSize(), before.surveyMinFreeTextSize(),
                before.supportersPerDepartment()), onFirst.settingsVersion());
        try {
            assertThat(onFirst.settings().programName()).isEqualTo(program);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> onSecond.settings().programName().equals(program));
            assertThat(client.get("/").body()).contains(program);
        }
        finally {
            onFirst.changeSettings(before, onFirst.settingsVersion());
        }
    }

    /** Where a redirect points, path and query, whether the server wrote it absolute or not. */
    private static String location(HttpResponse<String> response) {
        java.net.URI uri = java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static int reminders(JdbcTemplate jdbc, long supporterId) {
        return jdbc.queryForObject("select count(*) from certification_reminder where supporter_id = ?",
                Integer.class, supporterId);
    }
}
