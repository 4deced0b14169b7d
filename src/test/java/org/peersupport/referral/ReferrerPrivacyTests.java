package org.peersupport.referral;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.domain.Matching;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A referrer who is also a supporter: never suggested for the case, whether they referred first
 * or joined it later, and never pointed at by a reason of their own on the coordinator's page.
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

        TriageService.Suggestions suggestions = triage.suggestions(caseId, coordinator.hospitalScope());
        assertThat(suggestions.ranked()).extracting(s -> s.suggestion().supporterId())
                .contains(bystander.id()).doesNotContain(secondReferrer.id());
        assertThat(suggestions.excluded()).containsEntry(Matching.Exclusion.CONFLICT, 1L);
        assertThat(mvc.get().uri("/triage/{id}", caseId).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("1 has a conflict").doesNotContainIgnoringCase("referrer");
    }
}
