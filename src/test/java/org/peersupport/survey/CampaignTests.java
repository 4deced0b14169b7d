package org.peersupport.survey;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A coordinator's campaign from draft to closed, with every refusal a clear message and never a 500. */
@IntegrationTest
class CampaignTests {

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
    SurveyCalendar calendar;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    SurveyDriver surveys;

    Place place;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
    }

    @Test
    void the_new_campaign_form_offers_the_program_evaluation_and_the_coordinators_departments() {
        assertThat(mvc.get().uri("/surveys/new").with(user(coordinator))).hasStatusOk().bodyText()
                .contains("Program evaluation (v1)").contains(place.hospitalName())
                .contains("value=\"" + fixtures.today() + "\"")
                .contains("value=\"" + fixtures.today().plusDays(14) + "\"");
    }

    @Test
    void a_campaign_closing_before_it_opens_or_already_past_is_refused() {
        assertThat(create(fixtures.today().plusDays(5).toString(), fixtures.today().plusDays(2).toString(),
                List.of(place.departmentId()))).hasStatusOk().bodyText()
                .contains("The closing day cannot be before the opening day.");
        assertThat(create(fixtures.today().minusDays(9).toString(), fixtures.today().minusDays(2).toString(),
                List.of(place.departmentId()))).hasStatusOk().bodyText()
                .contains("The closing day has already passed.");
        assertThat(create(fixtures.today().toString(), fixtures.today().plusDays(500).toString(),
                List.of(place.departmentId()))).hasStatusOk().bodyText()
                .contains("A campaign can stay open for at most 366 days.");
        assertThat(create("not a date", fixtures.today().toString(), List.of(place.departmentId())))
                .hasStatusOk().bodyText().contains("Enter a date that exists, as year, month and day.");
        assertThat(create(fixtures.today().toString(), "", List.of(place.departmentId()))).hasStatusOk()
                .bodyText().contains("Choose a value.");
        assertThat(create(fixtures.today().toString(), fixtures.today().toString(), List.of()))
                .hasStatusOk().bodyText().contains("Choose at least one.");
        assertThat(jdbc.queryForObject("select count(*) from survey_campaign where hospital_id = ?", Integer.class,
                place.hospitalId())).isZero();
    }

    @Test
    void every_problem_of_the_new_campaign_form_shows_at_once_the_rules_on_its_dates_too() throws Exception {
        // A blank title (the form's own rule) and a closing day before the opening day (the
        // campaign's rule): both in one submit, each next to its field.
        String page = mvc.post().uri("/surveys/new").param("title", "")
                .param("templateId", "" + surveys.programEvaluation()).param("hospitalId", "" + place.hospitalId())
                .param("opensOn", fixtures.today().plusDays(5).toString())
                .param("closesOn", fixtures.today().plusDays(2).toString())
                .param("departmentIds", "" + place.departmentId()).with(csrf()).with(user(coordinator)).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"title-error\"", "id=\"closesOn-error\"",
                "The closing day cannot be before the opening day.");
        // A date that cannot be read breaks no rule of its own: the other date is still judged.
        assertThat(mvc.post().uri("/surveys/new").param("title", "")
                .param("templateId", "" + surveys.programEvaluation()).param("hospitalId", "" + place.hospitalId())
                .param("opensOn", "not a date").param("closesOn", fixtures.today().minusDays(2).toString())
                .param("departmentIds", "" + place.departmentId()).with(csrf()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains("Enter a date that exists", "The closing day has already passed.");
        assertThat(jdbc.queryForObject("select count(*) from survey_campaign where hospital_id = ?", Integer.class,
                place.hospitalId())).isZero();
    }

    @Test
    void an_inactive_department_cannot_be_surveyed() {
        long closed = organization.createDepartment(place.hospitalId(), Fixtures.unique("Closed"),
                HospitalScope.everything());
        organization.setDepartmentActive(place.hospitalId(), closed, false, HospitalScope.everything());
        assertThat(create(fixtures.today().toString(), fixtures.today().plusDays(3).toString(),
                List.of(closed))).hasStatusOk().bodyText().contains("Choose only active departments of");
    }

    @Test
    void a_coordinator_creates_opens_and_closes_a_campaign() {
        long physician = fixtures.physician(place.departmentId());
        MvcTestResult created = create(fixtures.today().toString(), fixtures.today().plusDays(7).toString(),
                List.of(place.departmentId()));
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/surveys/[0-9a-f-]{36}");
        UUID id = UUID.fromString(location.substring("/surveys/".length()));
        assertThat(mvc.get().uri(location).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("Draft: nothing sent").contains("Open and send the invitations");
        assertThat(jdbc.queryForObject("select frozen from survey_template where id = ?", Boolean.class,
                surveys.programEvaluation())).as("a template in use is frozen").isTrue();

        assertThat(mvc.post().uri(location + "/open").with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl(location).flash()
                .containsEntry("opened", 1);
        assertThat(jdbc.queryForObject("select physician_id from survey_invitation where campaign_id = ?", Long.class,
                id)).isEqualTo(physician);
        assertThat(mvc.get().uri(location).with(user(coordinator))).hasStatusOk().bodyText()
                .contains("0 of 1 e-mails sent").contains("(1 invited)")
                .contains("Responses are counted when the campaign closes.");

        // Opening twice is refused with a message; no second invitation appears.
        var again = mvc.post().uri(location + "/open").with(csrf()).with(user(coordinator)).exchange();
        assertThat(again).hasStatus(HttpStatus.FOUND).flash().containsKey("problem");
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                id)).isEqualTo(1);

        mailer.sendQueued();
        assertThat(mvc.get().uri(location + "/progress").with(user(coordinator))).hasStatusOk().bodyText()
                .contains("1 of 1 e-mails sent");

        assertThat(mvc.post().uri(location + "/close").with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(location).with(user(coordinator))).hasStatusOk().bodyText().contains("Closed")
                .doesNotContain("Close the survey now");
    }

    @Test
    void a_campaign_opening_later_is_scheduled_and_opened_by_the_calendar_on_its_day() {
        fixtures.physician(place.departmentId());
        UUID id = campaigns.create(new NewCampaign("Later", surveys.programEvaluation(), place.hospitalId(),
                List.of(place.departmentId()), fixtures.today().plusDays(3), fixtures.today().plusDays(10)),
                HospitalScope.everything());
        var refused = mvc.post().uri("/surveys/{id}/open", id).with(csrf()).with(user(coordinator)).exchange();
        assertThat(refused).flash().containsKey("problem");
        assertThat(mvc.post().uri("/surveys/{id}/schedule", id).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        calendar.run();
        assertThat(state(id)).isEqualTo("SCHEDULED");

        // The opening day comes.
        jdbc.update("update survey_campaign set opens_on = ? where id = ?", fixtures.today(), id);
        calendar.run();
        assertThat(state(id)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                id)).isEqualTo(1);
        calendar.run();
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                id)).as("running twice changes nothing").isEqualTo(1);
    }

    @Test
    void the_calendar_closes_a_campaign_after_its_closing_day_and_deletes_its_invitations() {
        SurveyDriver.Opened opened = surveys.opened(place, 2);
        jdbc.update("update survey_campaign set opens_on = ?, closes_on = ? where id = ?",
                fixtures.today().minusDays(10), fixtures.today().minusDays(1), opened.id());
        assertThat(mvc.get().uri("/s/{t}", SurveyDriver.token(opened.emails().get(0))))
                .hasStatus(HttpStatus.NOT_FOUND);
        calendar.run();
        assertThat(state(opened.id())).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from survey_invitation where campaign_id = ?", Integer.class,
                opened.id())).isZero();
        assertThat(campaigns.campaign(opened.id(), HospitalScope.everything()).progress().sent()).isEqualTo(2);
    }

    @Test
    void editing_a_template_in_use_makes_a_new_version() {
        surveys.draft(place, List.of(place.departmentId()));
        long used = surveys.programEvaluation();
        var refused = mvc.post().uri("/surveys/templates/{id}/questions", used).param("kind", "YES_NO")
                .param("text", "Sneaked in?").param("version", "" + templates.template(used).version())
                .with(csrf()).with(user(coordinator)).exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("This version is used by a campaign and cannot change");
        assertThat(templates.template(used).questions()).hasSize(7);

        var copied = mvc.post().uri("/surveys/templates/{id}/versions", used).with(csrf()).with(user(coordinator))
                .exchange();
        assertThat(copied).hasStatus(HttpStatus.FOUND);
        long draft = Long.parseLong(copied.getResponse().getRedirectedUrl().replace("/surveys/templates/", ""));
        assertThat(draft).isNotEqualTo(used);
        TemplateView next = templates.template(draft);
        assertThat(next.frozen()).isFalse();
        assertThat(next.revision()).isGreaterThan(1);
        assertThat(next.questions()).hasSize(7);
        assertThat(next.questions().get(2).shownIfYesTo()).isEqualTo(next.questions().get(0).id());

        assertThat(mvc.post().uri("/surveys/templates/{id}/questions", draft).param("kind", "SINGLE_CHOICE")
                .param("text", "Your role").param("choices", "Attending\r\nResident\r\n")
                .param("version", "" + next.version()).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(templates.template(draft).questions()).hasSize(8).last()
                .satisfies(q -> assertThat(q.choices()).containsExactly("Attending", "Resident"));
        assertThat(templates.template(used).questions()).hasSize(7);

        // A stale form (the version moved on) is the 409 page, not a lost update.
        assertThat(mvc.post().uri("/surveys/templates/{id}/questions", draft).param("kind", "YES_NO")
                .param("text", "Late").param("version", "" + next.version()).with(csrf()).with(user(coordinator)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void a_question_form_with_problems_keeps_its_values() {
        long draft = templates.create(Fixtures.unique("Short survey"));
        assertThat(mvc.post().uri("/surveys/templates/{id}/questions", draft).param("kind", "LIKERT")
                .param("text", "How was it?").param("lowLabel", "").param("highLabel", "Great")
                .param("version", "" + templates.template(draft).version()).with(csrf()).with(user(coordinator)))
                .hasStatusOk().bodyText().contains("Give the labels of both ends of the scale.")
                .contains("How was it?").contains("value=\"Great\"");
    }

    private MvcTestResult create(String opensOn, String closesOn, List<Long> departments) {
        var request = mvc.post().uri("/surveys/new").param("title", Fixtures.unique("Evaluation"))
                .param("templateId", "" + surveys.programEvaluation()).param("hospitalId", "" + place.hospitalId())
                .param("opensOn", opensOn).param("closesOn", closesOn);
        for (Long department : departments) {
            request = request.param("departmentIds", "" + department);
        }
        return request.with(csrf()).with(user(coordinator)).exchange();
    }

    private String state(UUID id) {
        return jdbc.queryForObject("select state from survey_campaign where id = ?", String.class, id);
    }
}
