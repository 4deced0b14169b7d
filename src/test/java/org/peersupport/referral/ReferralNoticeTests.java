package org.peersupport.referral;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.RosterService;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The referral e-mails, sent over SMTP to the in-process GreenMail server: a new case to each
 * coordinator of its hospital, an assignment to the supporter, an overdue case once to the
 * coordinators however often and however concurrently the job runs. Each body holds a link and
 * nothing else about the case.
 */
@IntegrationTest
class ReferralNoticeTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referralService;

    @Autowired
    TriageService triage;

    @Autowired
    ReferralJobs jobs;

    @Autowired
    RosterService roster;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.peersupport.organization.OrganizationService organization;

    ReferralRecords referrals;

    Place place;

    CurrentUser firstCoordinator;

    CurrentUser secondCoordinator;

    CurrentUser otherHospitalsCoordinator;

    CurrentUser referrer;

    ExecutorService threads;

    @BeforeEach
    void setUp() {
        referrals = new ReferralRecords(referralService, triage, roster, jdbc);
        place = fixtures.hospital();
        firstCoordinator = fixtures.coordinator(place.hospitalId());
        secondCoordinator = fixtures.coordinator(place.hospitalId());
        otherHospitalsCoordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        referrer = fixtures.physicianUser(place.departmentId());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void a_new_referral_is_mailed_to_each_coordinator_of_its_hospital_only() throws Exception {
        long colleague = fixtures.physician(place.departmentId());
        String context = "Context " + UUID.randomUUID();
        UUID id = referrals.refer(referrer, colleague, true, context, true);
        settled(id);

        for (CurrentUser coordinator : List.of(firstCoordinator, secondCoordinator)) {
            List<MimeMessage> mails = TestMail.to(coordinator.email());
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo("A referral needs your attention");
            assertThat(body(mails.get(0))).contains("A referral needs your attention.", "/triage/" + id);
            assertDiscreet(mails.get(0), colleague, context);
        }
        assertThat(TestMail.to(otherHospitalsCoordinator.email())).isEmpty();
        assertThat(TestMail.to(referrer.email())).isEmpty();
    }

    @Test
    void a_referral_joining_an_open_case_sends_nothing_new() throws Exception {
        long colleague = fixtures.physician(place.departmentId());
        UUID id = referrals.refer(referrer, colleague);
        referrals.refer(fixtures.physicianUser(place.departmentId()), colleague, true, null, false);
        assertThat(referrals.openCaseOf(colleague)).isEqualTo(id);
        settled(id);
        assertThat(TestMail.to(firstCoordinator.email())).hasSize(1);
        assertThat(TestMail.to(secondCoordinator.email())).hasSize(1);
    }

    @Test
    void an_assignment_is_mailed_to_the_supporter() throws Exception {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        String context = "Context " + UUID.randomUUID();
        UUID id = referrals.refer(referrer, colleague, false, context, true);
        referrals.assign(id, supporter.id(), firstCoordinator);
        settled(id);

        List<MimeMessage> mails = TestMail.to(supporter.user().email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("A case needs your attention");
        assertThat(body(mails.get(0))).contains("/cases/" + id).doesNotContain("/triage/");
        assertDiscreet(mails.get(0), colleague, context);
        // The coordinators were told of the new case, not of the assignment.
        assertThat(TestMail.to(firstCoordinator.email())).extracting(MimeMessage::getSubject)
                .containsExactly("A referral needs your attention");
    }

    @Test
    void an_overdue_case_is_mailed_to_each_coordinator_once_however_often_and_concurrently_the_job_runs()
            throws Exception {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        String context = "Context " + UUID.randomUUID();
        long firstColleague = fixtures.physician(place.departmentId());
        long secondColleague = fixtures.physician(place.departmentId());
        UUID first = referrals.refer(referrer, firstColleague, false, context, false);
        UUID second = referrals.refer(referrer, secondColleague, true, context, false);
        referrals.assign(first, supporter.id(), firstCoordinator);
        referrals.assign(second, supporter.id(), firstCoordinator);
        UUID notYetDue = referrals.assigned(referrer, fixtures.physician(place.departmentId()), supporter.id(),
                firstCoordinator);
        for (UUID id : List.of(first, second)) {
            jdbc.update("update referral set due_at = ? where id = ?", Timestamp.from(fixtures.now().minusSeconds(3600)), id);
        }

        // Two instances at the same moment, then the job again, twice.
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> {
                start.await();
                return jobs.notifyOverdue(fixtures.now());
            }));
        }
        for (Future<Integer> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        jobs.notifyOverdue(fixtures.now());
        jobs.notifyOverdue(fixtures.now());
        for (UUID id : List.of(first, second, notYetDue)) {
            settled(id);
        }

        assertThat(jdbc.queryForObject("select count(*) from referral_overdue_notice where referral_id in (?, ?, ?)",
                Integer.class, first, second, notYetDue)).isEqualTo(2);
        for (CurrentUser coordinator : List.of(firstCoordinator, secondCoordinator)) {
            List<MimeMessage> overdue = new ArrayList<>();
            for (MimeMessage mail : TestMail.to(coordinator.email())) {
                if (mail.getSubject().equals("A referral is overdue")) {
                    overdue.add(mail);
                }
            }
            assertThat(overdue).hasSize(2);
            List<String> bodies = new ArrayList<>();
            for (MimeMessage mail : overdue) {
                bodies.add(body(mail));
                assertDiscreet(mail, firstColleague, context);
                assertDiscreet(mail, secondColleague, context);
            }
            assertThat(bodies).anySatisfy(b -> assertThat(b).contains("/triage/" + first))
                    .anySatisfy(b -> assertThat(b).contains("/triage/" + second))
                    .noneSatisfy(b -> assertThat(b).contains(notYetDue.toString()));
        }
        assertThat(TestMail.to(otherHospitalsCoordinator.email())).isEmpty();
    }

    @Test
    void a_case_left_unassigned_past_its_target_is_mailed_once_and_again_when_its_first_contact_is_late()
            throws Exception {
        var settings = organization.settings();
        UUID waiting = referrals.refer(referrer, fixtures.physician(place.departmentId()));
        UUID urgent = referrals.refer(referrer, fixtures.physician(place.departmentId()), true, null, false);
        UUID ordinary = referrals.refer(referrer, fixtures.physician(place.departmentId()));
        // Past the ordinary target; past the urgent one; an ordinary case past only the urgent one.
        received(waiting, settings.assignTarget(false).plusMinutes(1));
        received(urgent, settings.assignTarget(true).plusMinutes(1));
        received(ordinary, settings.assignTarget(true).plusMinutes(1));
        jobs.notifyOverdue(fixtures.now());
        jobs.notifyOverdue(fixtures.now());
        for (UUID id : List.of(waiting, urgent, ordinary)) {
            settled(id);
        }
        assertThat(jdbc.queryForList("select referral_id from referral_overdue_notice where referral_id in (?, ?, ?)"
                + " and stage = 'ASSIGNMENT'", UUID.class, waiting, urgent, ordinary))
                .containsExactlyInAnyOrder(waiting, urgent);
        List<String> unassigned = new ArrayList<>();
        for (MimeMessage mail : TestMail.to(firstCoordinator.email())) {
            if (mail.getSubject().equals("A referral is waiting for a supporter")) {
                unassigned.add(body(mail));
            }
        }
        assertThat(unassigned).hasSize(2).anySatisfy(b -> assertThat(b).contains("/triage/" + waiting))
                .anySatisfy(b -> assertThat(b).contains("/triage/" + urgent));

        // Assigned at last, and then late for its first contact: a notice of that stage too.
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        referrals.assign(waiting, supporter.id(), firstCoordinator);
        jdbc.update("update referral set due_at = ? where id = ?", Timestamp.from(fixtures.now().minusSeconds(60)),
                waiting);
        jobs.notifyOverdue(fixtures.now());
        settled(waiting);
        assertThat(jdbc.queryForList("select stage from referral_overdue_notice where referral_id = ?", String.class,
                waiting)).containsExactlyInAnyOrder("ASSIGNMENT", "FIRST_CONTACT");
        assertThat(TestMail.to(firstCoordinator.email())).filteredOn(m -> subject(m).equals("A referral is overdue"))
                .singleElement().satisfies(m -> assertThat(body(m)).contains("/triage/" + waiting));
    }

    private void received(UUID id, Duration ago) {
        jdbc.update("update referral set created_at = ? where id = ?", Timestamp.from(fixtures.now().minus(ago)), id);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void a_case_contacted_or_closed_in_time_is_never_overdue() throws Exception {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        UUID closed = referrals.assigned(referrer, fixtures.physician(place.departmentId()), supporter.id(),
                firstCoordinator);
        triage.close(closed, Outcome.WITHDRAWN, referrals.version(closed), firstCoordinator);
        jdbc.update("update referral set due_at = ? where id = ?", Timestamp.from(fixtures.now().minusSeconds(3600)),
                closed);
        jobs.notifyOverdue(fixtures.now());
        settled(closed);
        assertThat(jdbc.queryForObject("select count(*) from referral_overdue_notice where referral_id = ?",
                Integer.class, closed)).isZero();
        assertThat(TestMail.to(firstCoordinator.email())).extracting(MimeMessage::getSubject)
                .doesNotContain("A referral is overdue");
    }

    /** Waits until every listener of the case's events has run: their publications are then gone. */
    void settled(UUID id) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from event_publication where serialized_event like ?", Integer.class,
                "%" + id + "%")).isZero());
    }

    void assertDiscreet(MimeMessage mail, long colleague, String context) throws Exception {
        String text = mail.getSubject() + "\n" + body(mail);
        assertThat(text).doesNotContain(referrals.name(colleague), referrals.name(referrer), referrer.displayName(),
                context, "Context", place.hospitalName());
        for (Trigger trigger : Trigger.values()) {
            assertThat(text).doesNotContain(trigger.name());
        }
        assertThat(text.toLowerCase()).doesNotContain("burnout", "adverse", "death", "litigation", "difficult",
                "personal", "urgent", "danger");
    }

    static String body(MimeMessage mail) throws Exception {
        return String.valueOf(mail.getContent());
    }
}
