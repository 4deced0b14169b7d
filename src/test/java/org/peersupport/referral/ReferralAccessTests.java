package org.peersupport.referral;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.RosterService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may see which referral. A physician sees only what they sent, and only its status; a
 * supporter opens only the cases assigned to them; a coordinator only the cases of their
 * hospitals; the referrer stays unnamed unless they agreed. Other records in the URL are a 404.
 */
@IntegrationTest
class ReferralAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referralService;

    @Autowired
    TriageService triage;

    @Autowired
    RosterService roster;

    @Autowired
    JdbcTemplate jdbc;

    ReferralRecords referrals;

    Place a;

    Place b;

    CurrentUser coordinatorOfA;

    CurrentUser coordinatorOfB;

    CertifiedSupporter first;

    CertifiedSupporter second;

    CurrentUser referrer;

    @BeforeEach
    void setUp() {
        referrals = new ReferralRecords(referralService, triage, roster, jdbc);
        a = fixtures.hospital();
        b = fixtures.hospital();
        coordinatorOfA = fixtures.coordinator(a.hospitalId());
        coordinatorOfB = fixtures.coordinator(b.hospitalId());
        first = fixtures.certifiedSupporter(a.departmentId());
        second = fixtures.certifiedSupporter(a.departmentId());
        referrer = fixtures.physicianUser(a.departmentId());
    }

    // --- Physicians: only what they sent, and only its status ---

    @Test
    void a_physician_sees_only_their_own_referrals() {
        CurrentUser other = fixtures.physicianUser(a.departmentId());
        long mine = fixtures.physician(a.departmentId());
        long theirs = fixtures.physician(b.departmentId());
        referrals.refer(referrer, mine);
        referrals.refer(other, theirs);

        assertThat(mvc.get().uri("/referrals/mine").with(user(referrer))).hasStatusOk().bodyText()
                .contains(referrals.name(mine), "Received").doesNotContain(referrals.name(theirs));
        assertThat(mvc.get().uri("/referrals/mine").with(user(other))).hasStatusOk().bodyText()
                .contains(referrals.name(theirs)).doesNotContain(referrals.name(mine));
    }

    @Test
    void my_referrals_show_the_status_but_never_the_supporter_or_the_outcome() {
        long colleague = fixtures.physician(a.departmentId());
        UUID id = referrals.assigned(referrer, colleague, first.id(), coordinatorOfA);
        assertThat(mvc.get().uri("/referrals/mine").with(user(referrer))).hasStatusOk().bodyText()
                .contains(referrals.name(colleague), "In progress")
                .doesNotContain(referrals.name(first.physicianId()));

        triage.close(id, Outcome.ESCALATED, referrals.version(id), coordinatorOfA);
        assertThat(mvc.get().uri("/referrals/mine").with(user(referrer))).hasStatusOk().bodyText()
                .contains(referrals.name(colleague), "Closed")
                .doesNotContain(referrals.name(first.physicianId()), "Escalated", "higher level of care");
    }

    @Test
    void a_physician_cannot_open_triage_or_cases() {
        UUID id = referrals.refer(referrer, fixtures.physician(a.departmentId()));
        for (String path : new String[] {"/triage", "/triage/" + id, "/triage/event", "/cases", "/cases/" + id}) {
            assertThat(mvc.get().uri(path).with(user(referrer))).as(path).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post().uri("/triage/{id}/assign", id).param("supporterId", String.valueOf(first.id()))
                .param("version", "0").with(csrf()).with(user(referrer))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/triage/{id}/close", id).param("outcome", "WITHDRAWN").param("version", "0")
                .with(csrf()).with(user(referrer))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/triage/event").param("trigger", "BURNOUT").param("eventDate", "2026-01-01")
                .param("emails", "x@test.example.org").with(csrf()).with(user(referrer)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(referrals.status(id)).isEqualTo("NEW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/referrals/new", "/referrals/mine", "/referrals/received", "/triage", "/cases"})
    void anonymous_visitors_are_sent_to_sign_in(String path) {
        assertThat(mvc.get().uri(path)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    // --- Supporters: only the cases assigned to them ---

    @Test
    void a_supporter_lists_and_opens_only_the_cases_assigned_to_them() {
        long mine = fixtures.physician(a.departmentId());
        long theirs = fixtures.physician(a.departmentId());
        long unassigned = fixtures.physician(a.departmentId());
        UUID myCase = referrals.assigned(referrer, mine, first.id(), coordinatorOfA);
        UUID theirCase = referrals.assigned(referrer, theirs, second.id(), coordinatorOfA);
        UUID newCase = referrals.refer(referrer, unassigned);

        assertThat(mvc.get().uri("/cases").with(user(first.user()))).hasStatusOk().bodyText()
                .contains(referrals.name(mine), "/cases/" + myCase)
                .doesNotContain(referrals.name(theirs), referrals.name(unassigned));
        assertThat(mvc.get().uri("/cases/{id}", myCase).with(user(first.user()))).hasStatusOk().bodyText()
                .contains(referrals.name(mine));

        assertThat(mvc.get().uri("/cases/{id}", theirCase).with(user(first.user())))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain(referrals.name(theirs));
        assertThat(mvc.get().uri("/cases/{id}", newCase).with(user(first.user())))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain(referrals.name(unassigned));
        assertThat(mvc.get().uri("/cases/{id}", UUID.randomUUID()).with(user(first.user())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cases/{id}", theirCase).with(user(second.user()))).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", "null", "select"})
    void a_malformed_case_id_is_a_404_not_a_500(String id) {
        assertThat(mvc.get().uri("/cases/" + id).with(user(first.user()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/triage/" + id).with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/triage/" + id + "/assign").param("supporterId", "1").param("version", "0")
                .with(csrf()).with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_supporter_cannot_hand_back_another_supporters_case() {
        UUID theirCase = referrals.assigned(referrer, fixtures.physician(a.departmentId()), second.id(),
                coordinatorOfA);
        long version = referrals.version(theirCase);
        assertThat(mvc.post().uri("/cases/{id}/decline", theirCase).param("reason", "CONFLICT").with(csrf())
                .with(user(first.user()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(referrals.status(theirCase)).isEqualTo("ASSIGNED");
        assertThat(referrals.supporterOf(theirCase)).isEqualTo(second.id());
        assertThat(referrals.version(theirCase)).isEqualTo(version);
    }

    @Test
    void a_closed_case_is_gone_from_the_supporters_view() {
        long colleague = fixtures.physician(a.departmentId());
        UUID id = referrals.assigned(referrer, colleague, first.id(), coordinatorOfA);
        triage.close(id, Outcome.SUPPORTED, referrals.version(id), coordinatorOfA);
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(first.user()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cases").with(user(first.user()))).hasStatusOk().bodyText()
                .doesNotContain(referrals.name(colleague));
    }

    @Test
    void a_supporter_cannot_open_triage_or_the_audit_log() {
        assertThat(mvc.get().uri("/triage").with(user(first.user()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/audit").with(user(first.user()))).hasStatus(HttpStatus.FORBIDDEN);
    }

    // --- Coordinators: only the cases of their hospitals ---

    @Test
    void a_coordinator_finds_nothing_of_another_hospitals_case_and_changes_nothing() {
        CertifiedSupporter ofB = fixtures.certifiedSupporter(b.departmentId());
        long colleagueInB = fixtures.physician(b.departmentId());
        UUID caseOfB = referrals.refer(referrer, colleagueInB, false, "context of B", false);
        long version = referrals.version(caseOfB);

        assertThat(mvc.get().uri("/triage/{id}", caseOfB).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText()
                .doesNotContain(referrals.name(colleagueInB), "context of B");
        assertThat(mvc.post().uri("/triage/{id}/assign", caseOfB).param("supporterId", String.valueOf(ofB.id()))
                .param("version", String.valueOf(version)).with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/triage/{id}/close", caseOfB).param("outcome", "WITHDRAWN")
                .param("version", String.valueOf(version)).with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(referrals.status(caseOfB)).isEqualTo("NEW");
        assertThat(referrals.version(caseOfB)).isEqualTo(version);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where record_id = ?", Integer.class,
                caseOfB.toString())).isZero();

        // B's own coordinator sees and may act on it.
        assertThat(mvc.get().uri("/triage/{id}", caseOfB).with(user(coordinatorOfB))).hasStatusOk().bodyText()
                .contains(referrals.name(colleagueInB));
    }

    @Test
    void the_queue_never_lists_another_hospitals_cases_whatever_the_filter() {
        long colleagueInA = fixtures.physician(a.departmentId());
        long colleagueInB = fixtures.physician(b.departmentId());
        referrals.refer(referrer, colleagueInA);
        referrals.refer(referrer, colleagueInB);

        assertThat(mvc.get().uri("/triage").with(user(coordinatorOfA))).hasStatusOk().bodyText()
                .contains(referrals.name(colleagueInA)).doesNotContain(referrals.name(colleagueInB));
        assertThat(mvc.get().uri("/triage?hospitalId={h}", b.hospitalId()).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().doesNotContain(referrals.name(colleagueInB), b.hospitalName());
        assertThat(mvc.get().uri("/triage?departmentId={d}", b.departmentId()).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().doesNotContain(referrals.name(colleagueInB));
        assertThat(mvc.get().uri("/triage").with(user(coordinatorOfB))).hasStatusOk().bodyText()
                .contains(referrals.name(colleagueInB)).doesNotContain(referrals.name(colleagueInA));
    }

    @Test
    void a_coordinator_cannot_open_the_supporters_pages() {
        assertThat(mvc.get().uri("/cases").with(user(coordinatorOfA))).hasStatus(HttpStatus.FORBIDDEN);
    }

    // --- The referrer stays unnamed unless they agreed ---

    @Test
    void the_supporter_never_sees_the_referrers_name_unless_they_chose_to_be_named() {
        long colleague = fixtures.physician(a.departmentId());
        UUID id = referrals.refer(referrer, colleague, false, null, false);
        referrals.assign(id, first.id(), coordinatorOfA);

        assertThat(mvc.get().uri("/cases/{id}", id).with(user(first.user()))).hasStatusOk().bodyText()
                .contains("Not shared, at the referrer")
                .doesNotContain(referrals.name(referrer), referrer.displayName(), referrer.email());
        assertThat(mvc.get().uri("/cases").with(user(first.user()))).hasStatusOk().bodyText()
                .doesNotContain(referrals.name(referrer), referrer.displayName());

        // A second referrer who agrees to be named is shown; the first still is not.
        CurrentUser named = fixtures.physicianUser(a.departmentId());
        referrals.refer(named, colleague, false, null, true);
        assertThat(referrals.openCaseOf(colleague)).isEqualTo(id);
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(first.user()))).hasStatusOk().bodyText()
                .contains(referrals.name(named))
                .doesNotContain("Not shared, at the referrer", referrals.name(referrer), referrer.displayName());
    }

    @Test
    void a_self_referral_never_names_the_referrer_even_if_asked() {
        CurrentUser self = fixtures.physicianUser(a.departmentId());
        referralService.refer(self, new ReferralService.NewReferral(null, true, false, Trigger.PERSONAL_OTHER, false,
                null, true, UUID.randomUUID()));
        UUID id = referrals.openCaseOf(self.physicianId().orElseThrow());
        referrals.assign(id, first.id(), coordinatorOfA);
        assertThat(mvc.get().uri("/cases/{id}", id).with(user(first.user()))).hasStatusOk().bodyText()
                .contains("Not shared, at the referrer");
    }

    @Test
    void the_referred_physician_never_learns_who_referred_them() {
        CurrentUser colleague = fixtures.physicianUser(a.departmentId());
        long colleagueId = colleague.physicianId().orElseThrow();
        referrals.refer(referrer, colleagueId, true, "worried about them", true);
        // The referred physician refers someone else; their own list shows only that one.
        long someoneElse = fixtures.physician(a.departmentId());
        referrals.refer(colleague, someoneElse);

        for (String path : new String[] {"/referrals/mine", "/", "/referrals/new"}) {
            assertThat(mvc.get().uri(path).with(user(colleague))).as(path).hasStatusOk().bodyText()
                    .doesNotContain(referrals.name(referrer), referrer.displayName(), referrer.email(),
                            "worried about them");
        }
        assertThat(mvc.get().uri("/referrals/mine").with(user(colleague))).bodyText()
                .contains(referrals.name(someoneElse)).doesNotContain(referrals.name(colleagueId));
    }

    // --- The audit log ---

    @Test
    void only_administrators_read_the_audit_log() {
        UUID id = referrals.refer(referrer, fixtures.physician(a.departmentId()));
        triage.caseFor(id, coordinatorOfA);
        for (CurrentUser user : new CurrentUser[] {referrer, coordinatorOfA, first.user()}) {
            assertThat(mvc.get().uri("/admin/audit").with(user(user))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/admin/audit?recordId={id}", id).with(user(user)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/admin/audit?recordId={id}", id).with(user(fixtures.admin()))).hasStatusOk()
                .bodyText().contains(id.toString(), "Opened", String.valueOf(coordinatorOfA.accountId()),
                        "href=\"/triage/" + id + "\">Open</a>");
    }
}
