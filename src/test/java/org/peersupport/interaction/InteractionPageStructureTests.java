package org.peersupport.interaction;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.TriageService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.peersupport.web.PageStructureAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The contact pages, checked like every other page: landmarks, one h1, unique ids, labelled fields. */
@IntegrationTest
class InteractionPageStructureTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referrals;

    @Autowired
    TriageService triage;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyContactPageIsStructuredForAssistiveTechnology() throws Exception {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());
        UUID id = new CaseFlow(referrals, triage, jdbc).assigned(fixtures.physicianUser(place.departmentId()), colleague,
                null, supporter.id(), coordinator);
        String now = fixtures.localNow().toString();
        long resource = jdbc.queryForObject("select min(id) from resource where hospital_id is null", Long.class);
        // One escalated contact with a note and a follow-up, so every part of the pages shows.
        assertThat(mvc.post().uri("/cases/{id}/contact", id).param("when", now).param("mode", "VIDEO")
                .param("minutes", "60").param("outcome", "CONNECTED").param("redFlags", "OTHER")
                .param("resourceIds", String.valueOf(resource)).param("action", "ADVISED").param("note", "A note")
                .param("followUpOn", fixtures.today().plusDays(1).toString())
                .param("submissionKey", UUID.randomUUID().toString()).with(csrf()).with(user(supporter.user())))
                .hasStatus3xxRedirection();

        for (String path : new String[] {"/cases/" + id, "/cases/" + id + "/contact", "/contacts", "/contacts/check-in"}) {
            check(path, mvc.get().uri(path).with(user(supporter.user())).exchange());
        }
        for (String path : new String[] {"/escalations", "/triage/" + id, "/triage"}) {
            check(path, mvc.get().uri(path).with(user(coordinator)).exchange());
        }
        // The form with every error at once.
        Map<String, MvcTestResult> withErrors = Map.of(
                "/cases/{id}/contact", mvc.post().uri("/cases/{id}/contact", id).param("when", "soon")
                        .param("redFlags", "OTHER").param("otherMinutes", "0").with(csrf())
                        .with(user(supporter.user())).exchange(),
                "/cases/{id}/contact (red flag)", mvc.post().uri("/cases/{id}/contact", id).param("when", now)
                        .param("redFlags", "OTHER").with(csrf()).with(user(supporter.user())).exchange(),
                "/contacts/check-in", mvc.post().uri("/contacts/check-in").param("when", now).with(csrf())
                        .with(user(supporter.user())).exchange(),
                "/cases/{id}/close", mvc.post().uri("/cases/{id}/close", id).param("outcome", "NO_RESPONSE")
                        .with(csrf()).with(user(supporter.user())).exchange());
        for (var page : withErrors.entrySet()) {
            String html = check(page.getKey() + " with errors", page.getValue());
            assertThat(html).as(page.getKey()).contains("-error\"");
        }
    }

    private static String check(String path, MvcTestResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        PageStructureAccess.check(path, html);
        return html;
    }
}
