package org.peersupport.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.InvitationMailer;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.SurveyAnswering;
import org.peersupport.survey.SurveyDriver;
import org.peersupport.survey.SurveyTemplateService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The survey pages, checked like every other page: landmarks, one h1, unique ids, labelled fields. */
@IntegrationTest
class SurveyPageStructureTests {

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
    SurveyAnswering answering;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everySurveyPageIsStructuredForAssistiveTechnology() throws Exception {
        CurrentUser admin = fixtures.admin();
        Place place = fixtures.hospital();
        SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        SurveyDriver.Opened campaign = surveys.opened(place, 6);
        for (int i = 0; i < 5; i++) {
            answering.submit(SurveyDriver.token(campaign.emails().get(i)),
                    SurveyDriver.parameters(surveys.answers(i % 2 == 0, "Comment " + i)));
        }
        long draft = templates.create(Fixtures.unique("Draft"));
        long question = templates.addQuestion(draft, new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Role", true, null,
                null, List.of("Attending", "Resident"), null), templates.template(draft).version());
        long evaluation = surveys.programEvaluation();
        UUID id = campaign.id();
        for (String path : List.of("/surveys", "/surveys/new", "/surveys/templates", "/surveys/templates/" + evaluation,
                "/surveys/templates/" + draft, "/surveys/templates/" + draft + "/questions/" + question,
                "/surveys/" + id, "/surveys/" + id + "/results")) {
            PageStructureTests.check(path, html(mvc.get().uri(path).with(user(admin))));
        }
        PageStructureTests.check("new campaign with errors", html(mvc.post().uri("/surveys/new").param("title", "")
                .with(csrf()).with(user(admin))));
        PageStructureTests.check("question with errors", html(mvc.post().uri("/surveys/templates/{id}/questions", draft)
                .param("kind", "LIKERT").param("text", "").param("version", "0").with(csrf()).with(user(admin))));

        String token = SurveyDriver.token(campaign.emails().get(5));
        PageStructureTests.check("/s/{token}", html(mvc.get().uri("/s/{t}", token)));
        PageStructureTests.check("/s/{token} with errors", html(mvc.post().uri("/s/{t}", token).param("q3", "9")));
        PageStructureTests.check("/s/thanks", html(mvc.get().uri("/s/thanks")));
        PageStructureTests.check("/s/unknown", html(mvc.get().uri("/s/{t}", "unknown")));
        campaigns.close(id, HospitalScope.everything());
        PageStructureTests.check("/surveys/{id} closed", html(mvc.get().uri("/surveys/{id}", id).with(user(admin))));
    }

    private static String html(MockMvcTester.MockMvcRequestBuilder request) throws Exception {
        return request.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
