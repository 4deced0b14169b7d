package org.peersupport.interaction;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.referral.Outcome;
import org.peersupport.referral.ReferralJobs;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.TriageService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention, read straight from the tables: notes older than the program's retention period are
 * deleted for good, and long-closed cases lose their context; the contacts, their counts, dates,
 * durations and outcomes stay. Running again removes nothing more, and the log holds counts only.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RetentionTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    InteractionService interactions;

    @Autowired
    InteractionJobs jobs;

    @Autowired
    ReferralJobs referralJobs;

    @Autowired
    ReferralService referralService;

    @Autowired
    TriageService triage;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    CaseFlow cases;

    Place place;

    CurrentUser coordinator;

    CertifiedSupporter supporter;

    int retentionDays;

    @BeforeEach
    void setUp() {
        cases = new CaseFlow(referralService, triage, jdbc);
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
        supporter = fixtures.certifiedSupporter(place.departmentId());
        retentionDays = organization.settings().noteRetentionDays();
    }

    @Test
    void notes_past_retention_are_deleted_for_good_and_the_contacts_stay(CapturedOutput output) {
        String oldText = "Old note " + UUID.randomUUID();
        String newText = "New note " + UUID.randomUUID();
        UUID old = checkIn(oldText);
        UUID recent = checkIn(newText);
        Instant now = fixtures.now();
        jdbc.update("update interaction_note set written_at = ? where interaction_id = ?",
                Timestamp.from(now.minus(Duration.ofDays(retentionDays + 1))), old);

        int deleted = jobs.deleteOldNotes(now);
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from interaction_note where interaction_id = ?", Integer.class,
                old)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from interaction_note where body = ?", Integer.class, oldText))
                .isZero();
        assertThat(jdbc.queryForObject("select body from interaction_note where interaction_id = ?", String.class,
                recent)).isEqualTo(newText);
        // The contact itself, and what the figures are made of, stay.
        assertThat(jdbc.queryForMap("select minutes, outcome, mode from interaction where id = ?", old))
                .containsEntry("minutes", 45).containsEntry("outcome", "CONNECTED").containsEntry("mode", "VIDEO");

        assertThat(jobs.deleteOldNotes(now)).as("a second run").isZero();
        assertThat(jdbc.queryForObject("select count(*) from interaction where id in (?, ?)", Integer.class, old, recent))
                .isEqualTo(2);
        assertThat(output.getAll()).contains("Retention: deleted " + deleted + " interaction notes")
                .doesNotContain(oldText, newText);
    }

    @Test
    void a_coordinators_note_on_an_escalation_goes_with_the_notes_and_the_acknowledgement_stays() {
        UUID old = checkIn("Contact " + UUID.randomUUID());
        UUID recent = checkIn("Contact " + UUID.randomUUID());
        Instant now = fixtures.now();
        for (UUID id : new UUID[] {old, recent}) {
            jdbc.update("update interaction set red_flag = true, escalation_action = 'ADVISED' where id = ?", id);
        }
        jdbc.update("insert into escalation_acknowledgement (interaction_id, account_id, acknowledged_at, note)"
                + " values (?, ?, ?, 'Told the chief')", old, coordinator.accountId(),
                Timestamp.from(now.minus(Duration.ofDays(retentionDays + 1))));
        jdbc.update("insert into escalation_acknowledgement (interaction_id, account_id, acknowledged_at, note)"
                + " values (?, ?, ?, 'Offered the EAP')", recent, coordinator.accountId(), Timestamp.from(now));

        jobs.deleteOldNotes(now);
        assertThat(jdbc.queryForMap("select account_id, note from escalation_acknowledgement where interaction_id = ?",
                old)).containsEntry("note", "").containsEntry("account_id", coordinator.accountId());
        assertThat(jdbc.queryForObject("select note from escalation_acknowledgement where interaction_id = ?",
                String.class, recent)).isEqualTo("Offered the EAP");
    }

    @Test
    void the_nightly_jobs_delete_for_real_when_the_scheduler_runs_them() {
        UUID old = checkIn("Scheduled " + UUID.randomUUID());
        jdbc.update("update interaction_note set written_at = ? where interaction_id = ?",
                Timestamp.from(fixtures.now().minus(Duration.ofDays(retentionDays + 1))), old);
        String context = "Context " + UUID.randomUUID();
        UUID closed = closedCase(context, Duration.ofDays(retentionDays + 2));
        // The entry points the scheduler calls, not the methods behind them: each must bring its transaction.
        jobs.scheduledRetention();
        referralJobs.scheduledRetention();
        assertThat(jdbc.queryForObject("select count(*) from interaction_note where interaction_id = ?", Integer.class,
                old)).isZero();
        assertThat(jdbc.queryForObject("select context from referral where id = ?", String.class, closed)).isNull();
    }

    @Test
    void long_closed_cases_lose_their_context_and_nothing_else(CapturedOutput output) {
        String context = "Context " + UUID.randomUUID();
        UUID longClosed = closedCase(context, Duration.ofDays(retentionDays + 2));
        UUID recentlyClosed = closedCase(context, Duration.ofDays(1));
        UUID open = cases.assigned(fixtures.physicianUser(place.departmentId()), fixtures.physician(place.departmentId()),
                context, supporter.id(), coordinator);
        jdbc.update("update referral set created_at = created_at - interval '400 days' where id = ?", open);

        int blanked = referralJobs.forgetOldContexts(fixtures.now());
        assertThat(blanked).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForMap("select context, status, outcome from referral where id = ?", longClosed))
                .containsEntry("context", null).containsEntry("status", "CLOSED").containsEntry("outcome", "SUPPORTED");
        assertThat(jdbc.queryForObject("select context from referral where id = ?", String.class, recentlyClosed))
                .isEqualTo(context);
        assertThat(jdbc.queryForObject("select context from referral where id = ?", String.class, open))
                .isEqualTo(context);
        assertThat(referralJobs.forgetOldContexts(fixtures.now())).as("a second run").isZero();
        assertThat(output.getAll()).contains("Retention: blanked the context of " + blanked + " closed referrals")
                .doesNotContain(context);
    }

    @Test
    void long_closed_cases_forget_who_referred_them_and_keep_how_many_referrals(CapturedOutput output) {
        UUID longClosed = closedCase("Context", Duration.ofDays(retentionDays + 2));
        UUID recentlyClosed = closedCase("Context", Duration.ofDays(1));
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        long referrerPhysician = referrer.physicianId().orElseThrow();
        jdbc.update("update referral_request set referrer_physician_id = ? where referral_id = ?", referrerPhysician,
                longClosed);

        int forgotten = referralJobs.forgetOldReferrers(fixtures.now());
        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from referral_request where referral_id = ?", Integer.class,
                longClosed)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from referral_request where referrer_physician_id = ?",
                Integer.class, referrerPhysician)).isZero();
        assertThat(jdbc.queryForObject("select forgotten_referrals from referral where id = ?", Integer.class,
                longClosed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from referral_request where referral_id = ?", Integer.class,
                recentlyClosed)).isEqualTo(1);
        // The case still says how many referrals it had.
        assertThat(triage.caseFor(longClosed, coordinator).referrals()).isEqualTo(1);
        assertThat(referralJobs.forgetOldReferrers(fixtures.now())).as("a second run").isZero();
        assertThat(output.getAll()).contains("Retention: forgot the referrers of " + forgotten);
    }

    private UUID checkIn(String note) {
        long colleague = fixtures.physician(place.departmentId());
        Instant at = fixtures.now().truncatedTo(ChronoUnit.MINUTES);
        return interactions.logCheckIn(colleague, new ContactDetails(at, ContactMode.VIDEO, 45,
                ContactOutcome.CONNECTED, false, Set.of(), null, note, null, UUID.randomUUID()), supporter.user());
    }

    private UUID closedCase(String context, Duration closedAgo) {
        UUID id = cases.assigned(fixtures.physicianUser(place.departmentId()), fixtures.physician(place.departmentId()),
                context, supporter.id(), coordinator);
        triage.close(id, Outcome.SUPPORTED, cases.version(id), coordinator);
        jdbc.update("update referral set closed_at = ? where id = ?", Timestamp.from(fixtures.now().minus(closedAgo)), id);
        return id;
    }
}
