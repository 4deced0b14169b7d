package org.peersupport.survey;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.SurveyDriver.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may see and run surveys: administrators, and coordinators for their own hospitals. Another
 * hospital's campaign id in the URL is a 404 for every page and action; physicians and supporters
 * get 403; anyone may open an answering link.
 */
@IntegrationTest
class SurveyAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignService campaigns;

    @Autowired
    SurveyTemplateService templates;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    JdbcTemplate jdbc;

    Place a;

    Place b;

    CurrentUser coordinatorOfA;

    CurrentUser coordinatorOfB;

    Opened campaignOfA;

    String titleOfA;

    @BeforeEach
    void setUp() {
        a = fixtures.hospital();
        b = fixtures.hospital();
        coordinatorOfA = fixtures.coordinator(a.hospitalId());
        coordinatorOfB = fixtures.coordinator(b.hospitalId());
        campaignOfA = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc).opened(a, 1);
        titleOfA = campaigns.campaign(campaignOfA.id(), HospitalScope.everything()).title();
    }

    List<String> pages() {
        UUID id = campaignOfA.id();
        return List.of("/surveys", "/surveys/new", "/surveys/templates", "/surveys/templates/1", "/surveys/" + id,
                "/surveys/" + id + "/progress", "/surveys/" + id + "/results", "/surveys/" + id + "/results.csv");
    }

    @Test
    void anonymous_visitors_are_sent_to_sign_in() {
        for (String path : pages()) {
            assertThat(mvc.get().uri(path)).as(path).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        }
    }

    @Test
    void physicians_and_supporters_are_forbidden() {
        CurrentUser physician = fixtures.physicianUser(a.departmentId());
        long supporterRow = fixtures.physician(a.departmentId());
        CurrentUser supporter = fixtures.account(EnumSet.of(Role.SUPPORTER), Set.of(), supporterRow);
        for (CurrentUser clinician : List.of(physician, supporter)) {
            for (String path : pages()) {
                assertThat(mvc.get().uri(path).with(user(clinician))).as(path).hasStatus(HttpStatus.FORBIDDEN);
            }
            assertThat(mvc.post().uri("/surveys/{id}/close", campaignOfA.id()).with(csrf()).with(user(clinician)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(state()).isEqualTo("OPEN");
    }

    @Test
    void the_coordinator_and_an_administrator_see_every_page_of_the_campaign() {
        String export = "/surveys/" + campaignOfA.id() + "/results.csv";
        for (CurrentUser allowed : List.of(coordinatorOfA, fixtures.admin())) {
            for (String path : pages()) {
                if (path.equals(export)) {
                    // An open campaign has no results yet, for anyone.
                    assertThat(mvc.get().uri(path).with(user(allowed))).as(path).hasStatus(HttpStatus.NOT_FOUND);
                }
                else {
                    assertThat(mvc.get().uri(path).with(user(allowed))).as(path).hasStatusOk();
                }
            }
        }
        assertThat(mvc.post().uri("/surveys/{id}/close", campaignOfA.id()).with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FOUND);
        for (CurrentUser allowed : List.of(coordinatorOfA, fixtures.admin())) {
            assertThat(mvc.get().uri(export).with(user(allowed))).hasStatusOk();
        }
    }

    @Test
    void a_coordinator_of_another_hospital_finds_nothing_at_the_campaigns_addresses() {
        UUID id = campaignOfA.id();
        for (String path : List.of("/surveys/" + id, "/surveys/" + id + "/progress", "/surveys/" + id + "/results",
                "/surveys/" + id + "/results.csv")) {
            assertThat(mvc.get().uri(path).with(user(coordinatorOfB))).as(path).hasStatus(HttpStatus.NOT_FOUND)
                    .bodyText().doesNotContain(titleOfA).doesNotContain(a.hospitalName());
        }
        for (String action : List.of("open", "schedule", "remind", "close")) {
            assertThat(mvc.post().uri("/surveys/{id}/" + action, id).with(csrf()).with(user(coordinatorOfB)))
                    .as(action).hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(state()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select reminders_sent from survey_campaign where id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void the_list_holds_only_the_coordinators_hospitals() {
        assertThat(mvc.get().uri("/surveys").with(user(coordinatorOfA))).hasStatusOk().bodyText().contains(titleOfA);
        assertThat(mvc.get().uri("/surveys").with(user(coordinatorOfB))).hasStatusOk().bodyText()
                .doesNotContain(titleOfA);
    }

    @Test
    void unknown_and_malformed_campaign_ids_are_not_found() {
        assertThat(mvc.get().uri("/surveys/{id}", UUID.randomUUID()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/surveys/12345/results").with(user(coordinatorOfA))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/surveys/templates/{id}", Long.MAX_VALUE).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_coordinator_cannot_create_a_campaign_for_another_hospital_or_its_departments() {
        long template = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc).programEvaluation();
        String opens = fixtures.today().toString();
        String closes = fixtures.today().plusDays(7).toString();
        assertThat(mvc.post().uri("/surveys/new").param("title", "Intruder").param("templateId", "" + template)
                .param("hospitalId", "" + a.hospitalId()).param("departmentIds", "" + a.departmentId())
                .param("opensOn", opens).param("closesOn", closes).with(csrf()).with(user(coordinatorOfB)))
                .hasStatusOk().bodyText().contains("Choose one of your hospitals.");
        // Own hospital, but another hospital's department.
        assertThat(mvc.post().uri("/surveys/new").param("title", "Intruder").param("templateId", "" + template)
                .param("hospitalId", "" + b.hospitalId()).param("departmentIds", "" + a.departmentId())
                .param("opensOn", opens).param("closesOn", closes).with(csrf()).with(user(coordinatorOfB)))
                .hasStatusOk().bodyText().contains("Choose only active departments of " + b.hospitalName());
        assertThat(jdbc.queryForObject("select count(*) from survey_campaign where title = 'Intruder'", Integer.class))
                .isZero();
    }

    @Test
    void actions_need_the_csrf_token() {
        assertThat(mvc.post().uri("/surveys/{id}/close", campaignOfA.id()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(state()).isEqualTo("OPEN");
    }

    @Test
    void answering_links_are_open_to_anyone_signed_in_or_not() {
        String token = SurveyDriver.token(campaignOfA.emails().get(0));
        assertThat(mvc.get().uri("/s/{token}", token)).hasStatusOk();
        assertThat(mvc.get().uri("/s/{token}", token).with(user(coordinatorOfB))).hasStatusOk();
        assertThat(mvc.get().uri("/s/thanks")).hasStatusOk();
    }

    private String state() {
        return jdbc.queryForObject("select state from survey_campaign where id = ?", String.class, campaignOfA.id());
    }
}
