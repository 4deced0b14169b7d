package org.peersupport.referral;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralService.NewReferral;
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
 * A referrer who is also a supporter: never suggested for the case, whether they referred first
 * or joined it later, and never pointed at on the coordinator's pages. What a curious coordinator
 * sees of an anonymous referrer is exactly what they see of a supporter who privately declared a
 * conflict with the colleague: not suggested, no reason, no count, nothing on the supporter's page.
 */
@IntegrationTest
class ReferrerPrivacyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referrals;

    @Autowired
    TriageService triage;

    @Autowired
    RosterService roster;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSupporterWhoJoinedACaseAsReferrerIsNotSuggestedAndNotSingledOut() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter bystander = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter secondReferrer = fixtures.certifiedSupporter(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        CurrentUser firstReferrer = fixtures.physicianUser(place.departmentId());

        referrals.refer(firstReferrer, new NewReferral(colleague, false, false, Trigger.BURNOUT, false, null, false,
                UUID.randomUUID()));
        referrals.refer(secondReferrer.user(), new NewReferral(colleague, false, false, Trigger.BURNOUT, false, null,
                false, UUID.randomUUID()));
        UUID caseId = jdbc.queryForObject("select id from referral where physician_id = ?", UUID.class, colleague);

        TriageService.Suggestions suggestions = triage.suggestions(caseId, coordinator.hospitalScope(), Integer.MAX_VALUE);
        assertThat(suggestions.ranked()).extracting(s -> s.suggestion().supporterId())
                .contains(bystander.id()).doesNotContain(secondReferrer.id());
        assertThat(suggestions.excluded()).isEmpty();
        assertThat(mvc.get().uri("/triage/{id}", caseId).with(user(coordinator))).hasStatusOk().bodyText()
                .doesNotContainIgnoringCase("conflict").doesNotContainIgnoringCase("referrer")
                .doesNotContain(name(secondReferrer));
    }

    @Test
    void anAnonymousReferrerLooksExactlyLikeASupporterWithAPrivateConflict() throws Exception {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter bystander = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter referrer = fixtures.certifiedSupporter(place.departmentId());
        CertifiedSupporter friend = fixtures.certifiedSupporter(place.departmentId());
        String colleagueEmail = Fixtures.uniqueEmail("colleague");
        long colleague = fixtures.physician(place.departmentId(), colleagueEmail);
        String colleagueName = roster.physician(colleague).orElseThrow().name();

        // One supporter refers the colleague without being named; another, on their own page, says
        // they know this colleague too well. Both would otherwise rank first (no open cases).
        referrals.refer(referrer.user(), new NewReferral(colleague, false, false, Trigger.BURNOUT, false, null, false,
                UUID.randomUUID()));
        assertThat(mvc.post().uri("/my/training/conflicts").param("colleagueEmail", colleagueEmail).with(csrf())
                .with(user(friend.user()))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/my/training").with(user(friend.user()))).hasStatusOk().bodyText()
                .contains(colleagueName);
        UUID caseId = jdbc.queryForObject("select id from referral where physician_id = ?", UUID.class, colleague);

        // The case page: the bystander is suggested; neither of the two is, and nothing says why.
        String casePage = mvc.get().uri("/triage/{id}", caseId).with(user(coordinator)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(casePage).contains(name(bystander)).doesNotContain(name(referrer)).doesNotContain(name(friend))
                .doesNotContainIgnoringCase("conflict").doesNotContainIgnoringCase("not suggested");

        // The two supporters' pages: neither names the colleague or declares anything.
        for (CertifiedSupporter supporter : new CertifiedSupporter[] {referrer, friend}) {
            assertThat(mvc.get().uri("/supporters/{id}", supporter.id()).with(user(coordinator))).hasStatusOk()
                    .bodyText().doesNotContain(colleagueName).doesNotContain(colleagueEmail);
        }

        // Assigning either by a crafted request is refused with the same message, as for anyone ineligible.
        long version = triage.caseFor(caseId, coordinator).version();
        for (CertifiedSupporter supporter : new CertifiedSupporter[] {referrer, friend}) {
            assertThat(mvc.post().uri("/triage/{id}/assign", caseId).param("supporterId", String.valueOf(supporter.id()))
                    .param("version", String.valueOf(version)).with(csrf()).with(user(coordinator)))
                    .hasStatusOk().bodyText().contains("This supporter cannot take the case now.");
        }
        assertThat(triage.caseFor(caseId, coordinator).status()).isEqualTo(ReferralStatus.NEW);
    }

    private String name(CertifiedSupporter supporter) {
        return roster.physician(supporter.physicianId()).orElseThrow().name();
    }
}
