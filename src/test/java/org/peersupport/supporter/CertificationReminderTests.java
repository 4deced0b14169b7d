package org.peersupport.supporter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.supporter.SupporterService.StatusChange;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily reminder: 60 days before a certification expires, the hospital's coordinators and
 * the supporter get one e-mail each, over real SMTP, however often and however concurrently the
 * job runs. The e-mails hold a link and no details.
 */
@IntegrationTest
class CertificationReminderTests {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Autowired
    SupporterJobs jobs;

    @Autowired
    SupporterService supporters;

    @Autowired
    TrainingService training;

    @Autowired
    OrganizationService organization;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Value("${peersupport.base-url}")
    String baseUrl;

    TrainingRecords records;

    Place place;

    CurrentUser coordinator;

    LocalDate today;

    int validMonths;

    @BeforeEach
    void setUp() {
        records = new TrainingRecords(supporters, training, clock);
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
        today = records.today();
        validMonths = organization.settings().certificationValidMonths();
    }

    @Test
    void running_the_job_twice_sends_one_email_to_the_coordinator_and_one_to_the_supporter() throws Exception {
        Supporter expiring = supporterCertifiedOn(today.minusMonths(validMonths).plusDays(30));
        Supporter notYet = supporterCertifiedOn(today.minusMonths(validMonths).plusDays(75));
        assertThat(records.supporter(expiring.id()).certification().state()).isEqualTo(CertificationState.EXPIRING);
        assertThat(records.supporter(notYet.id()).certification().state()).isEqualTo(CertificationState.CERTIFIED);

        jobs.remindExpiring(noonOn(today));
        jobs.remindExpiring(noonOn(today));

        exactlyOneEach(coordinator.email(), expiring.email());
        assertThat(TestMail.to(notYet.email())).isEmpty();
        assertThat(reminders(expiring.id())).isEqualTo(1);
        assertThat(reminders(notYet.id())).isZero();

        LocalDate expiresOn = records.supporter(expiring.id()).certification().expiresOn();
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(expiresOn);

        MimeMessage toCoordinator = TestMail.to(coordinator.email()).get(0);
        assertThat(toCoordinator.getSubject()).isEqualTo("A peer supporter's certification expires soon");
        assertThat(body(toCoordinator)).contains(baseUrl + "/supporters/" + expiring.id()).contains(date)
                .doesNotContain(expiring.name()).doesNotContain(expiring.email()).doesNotContain(place.hospitalName());

        MimeMessage toSupporter = TestMail.to(expiring.email()).get(0);
        assertThat(toSupporter.getSubject()).isEqualTo("Your peer supporter certification expires soon");
        assertThat(body(toSupporter)).contains(baseUrl + "/my/training").contains(date)
                .doesNotContain(expiring.name()).doesNotContain(coordinator.email());
    }

    @Test
    void two_instances_running_the_job_at_once_send_one_email_each() throws Exception {
        Supporter expiring = supporterCertifiedOn(today.minusMonths(validMonths).plusDays(20));

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return jobs.remindExpiring(noonOn(today));
                }));
            }
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            instances.shutdownNow();
        }
        assertThat(reminders(expiring.id())).isEqualTo(1);

        // And a third run, the next morning, adds nothing.
        jobs.remindExpiring(noonOn(today.plusDays(1)));
        exactlyOneEach(coordinator.email(), expiring.email());
        assertThat(reminders(expiring.id())).isEqualTo(1);
    }

    @Test
    void the_reminder_is_due_sixty_days_before_expiry_and_not_a_day_earlier() {
        LocalDate certifiedOn = today.minusMonths(validMonths).plusDays(100);
        Supporter supporter = supporterCertifiedOn(certifiedOn);
        LocalDate expiresOn = certifiedOn.plusMonths(validMonths);

        jobs.remindExpiring(noonOn(expiresOn.minusDays(61)));
        assertThat(reminders(supporter.id())).isZero();
        jobs.remindExpiring(noonOn(expiresOn.minusDays(60)));
        assertThat(reminders(supporter.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select expires_on from certification_reminder where supporter_id = ?",
                LocalDate.class, supporter.id())).isEqualTo(expiresOn);
        jobs.remindExpiring(noonOn(expiresOn.minusDays(1)));
        jobs.remindExpiring(noonOn(expiresOn));
        assertThat(reminders(supporter.id())).isEqualTo(1);
        exactlyOneEach(coordinator.email(), supporter.email());
    }

    @Test
    void a_retired_or_never_certified_supporter_gets_no_reminder() {
        Supporter retired = supporterCertifiedOn(today.minusMonths(validMonths).plusDays(30));
        supporters.changeStatus(retired.id(), StatusChange.RETIRE, null, records.supporter(retired.id()).version(),
                TrainingRecords.ALL);
        Supporter nominee = supporterWithAccount();

        jobs.remindExpiring(noonOn(today));
        assertThat(reminders(retired.id())).isZero();
        assertThat(reminders(nominee.id())).isZero();
    }

    @Test
    void a_pause_with_a_return_date_ends_on_that_day() {
        long returning = records.nominate(fixtures.physician(place.departmentId()));
        long later = records.nominate(fixtures.physician(place.departmentId()));
        long open = records.nominate(fixtures.physician(place.departmentId()));
        for (long id : new long[] {returning, later, open}) {
            supporters.changeStatus(id, StatusChange.ACTIVATE, null, records.supporter(id).version(),
                    TrainingRecords.ALL);
        }
        pause(returning, today.plusDays(1));
        pause(later, today.plusDays(2));
        pause(open, null);

        jobs.returnFromPause(noonOn(today));
        assertThat(records.supporter(returning).status()).isEqualTo(SupporterStatus.PAUSED);

        assertThat(jobs.returnFromPause(noonOn(today.plusDays(1)))).isPositive();
        assertThat(records.supporter(returning).status()).isEqualTo(SupporterStatus.ACTIVE);
        assertThat(records.supporter(returning).pausedUntil()).isNull();
        assertThat(records.supporter(later).status()).isEqualTo(SupporterStatus.PAUSED);
        assertThat(records.supporter(later).pausedUntil()).isEqualTo(today.plusDays(2));
        assertThat(records.supporter(open).status()).isEqualTo(SupporterStatus.PAUSED);

        // Running again on the same day changes nothing more.
        jobs.returnFromPause(noonOn(today.plusDays(1)));
        assertThat(records.supporter(returning).status()).isEqualTo(SupporterStatus.ACTIVE);
        assertThat(records.supporter(later).status()).isEqualTo(SupporterStatus.PAUSED);
    }

    /** Noon at the test hospitals on that day: the job then takes that day as today there. */
    private static Instant noonOn(LocalDate day) {
        return day.atTime(12, 0).atZone(Fixtures.ZONE).toInstant();
    }

    private record Supporter(long id, String name, String email) {
    }

    /** A supporter with their own account, certified on that day through a session at their hospital. */
    private Supporter supporterCertifiedOn(LocalDate day) {
        Supporter supporter = supporterWithAccount();
        records.certify(place.hospitalId(), day, supporter.id());
        assertThat(records.supporter(supporter.id()).certification().certifiedOn()).isEqualTo(day);
        return supporter;
    }

    private Supporter supporterWithAccount() {
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        long id = records.nominate(physician.physicianId().orElseThrow());
        return new Supporter(id, records.supporter(id).name(), physician.email());
    }

    private void pause(long id, LocalDate until) {
        supporters.changeStatus(id, StatusChange.PAUSE, until, records.supporter(id).version(), TrainingRecords.ALL);
    }

    private long reminders(long supporterId) {
        return jdbc.queryForObject("select count(*) from certification_reminder where supporter_id = ?", Long.class,
                supporterId);
    }

    /** Waits for one e-mail to each address, then a little longer to be sure no second one comes. */
    private static void exactlyOneEach(String... addresses) {
        await().atMost(DELIVERY).untilAsserted(() -> {
            for (String address : addresses) {
                assertThat(TestMail.to(address)).as(address).hasSize(1);
            }
        });
        await().during(QUIET).atMost(QUIET.plusSeconds(3)).untilAsserted(() -> {
            for (String address : addresses) {
                assertThat(TestMail.to(address)).as(address).hasSize(1);
            }
        });
    }

    private static String body(MimeMessage message) throws IOException, MessagingException {
        return message.getContent().toString();
    }
}
