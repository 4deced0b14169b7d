package org.peersupport.survey;

import java.util.ArrayList;
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
import org.peersupport.survey.SurveyDriver.Opened;
import org.peersupport.survey.SurveyResults.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Results on real answers: suppression on the page and in the export, which holds aggregates only. */
@IntegrationTest
class SurveyResultsTests {

    @Autowired
    SurveyRetention retention;

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
    SurveyResultsService results;

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
    void fewer_than_five_responses_show_nothing_and_five_show_the_figures() {
        Opened few = surveys.opened(place, 6);
        for (int i = 0; i < 4; i++) {
            answer(few.emails().get(i), i % 2 == 0, "Comment number " + i);
        }
        close(few.id());
        String page = page(few.id());
        assertThat(page).contains("Fewer than 5 responses").doesNotContain("Comment number");
        assertThat(csv(few.id())).contains("Fewer than 5 responses").doesNotContain("Comment number")
                .doesNotContain(",4,6,");

        Place another = new Place(place.hospitalId(), place.hospitalName(), organization.createDepartment(
                place.hospitalId(), Fixtures.unique("Cardiology"), HospitalScope.everything()));
        Opened campaign = surveys.opened(another, 6);
        for (int i = 0; i < 5; i++) {
            answer(campaign.emails().get(i), i % 2 == 0 || i == 4, "Comment number " + i);
        }
        close(campaign.id());
        SurveyResults shown = results.results(campaign.id(), HospitalScope.everything());
        assertThat(shown.total().suppressed()).isFalse();
        assertThat(shown.total().responded()).isEqualTo(5);
        assertThat(shown.total().rate().percent()).isEqualTo(83);
        Group had = shown.questions().get(0).groups().get(0);
        assertThat(had.headline().count()).isEqualTo(3);
        assertThat(had.answered()).isEqualTo(5);
        assertThat(page(campaign.id())).contains("83% (44\u201397%)").contains("3 (60%)")
                .contains("Shown only for departments with at least 10 responses").doesNotContain("Comment number");
        assertThat(csv(campaign.id())).contains("Response rate," + shown.rates().get(0).label() + ",,5,6,83,44,97,")
                .doesNotContain("Comment number");
    }

    @Test
    void a_small_department_is_hidden_with_the_next_smallest_on_the_page_and_in_the_export() {
        long second = organization.createDepartment(place.hospitalId(), Fixtures.unique("Surgery"),
                HospitalScope.everything());
        long third = organization.createDepartment(place.hospitalId(), Fixtures.unique("Pediatrics"),
                HospitalScope.everything());
        List<String> small = invite(place.departmentId(), 3);
        List<String> middle = invite(second, 6);
        List<String> large = invite(third, 8);
        UUID id = surveys.draft(place, List.of(place.departmentId(), second, third));
        campaigns.open(id, HospitalScope.everything());
        mailer.sendQueued();
        List<String> all = new ArrayList<>(small);
        all.addAll(middle);
        all.addAll(large);
        all.forEach(email -> answer(email, false, null));
        close(id);

        SurveyResults found = results.results(id, HospitalScope.everything());
        assertThat(found.rates()).filteredOn(SurveyResults.Rate::suppressed).hasSize(2);
        assertThat(found.rates()).filteredOn(r -> !r.suppressed()).singleElement()
                .satisfies(r -> assertThat(r.responded()).isEqualTo(8));
        assertThat(found.total().responded()).isEqualTo(17);
        String csv = csv(id);
        assertThat(csv).doesNotContain(",3,3,").doesNotContain(",6,6,").contains(",8,8,100,");
        String page = page(id);
        String rates = page.substring(page.indexOf("id=\"rates\""), page.indexOf("</table>", page.indexOf("id=\"rates\"")));
        // Each of 3 and 6 appears once, as the number invited; neither as a number of responses.
        assertThat(rates.split("<td class=\"text-end\">3</td>", -1)).hasSize(2);
        assertThat(rates.split("<td class=\"text-end\">6</td>", -1)).hasSize(2);
        assertThat(rates.split("Fewer than 5 responses", -1)).hasSize(3);
        assertThat(rates).contains("<td class=\"text-end\">17</td>");
    }

    @Test
    void free_text_appears_from_ten_responses_in_a_department_and_never_in_the_export() {
        Opened campaign = surveys.opened(place, 10);
        for (int i = 0; i < 10; i++) {
            answer(campaign.emails().get(i), i < 6, i < 3 ? "Thoughtful remark " + i : null);
        }
        close(campaign.id());
        String page = page(campaign.id());
        assertThat(page).contains("Thoughtful remark 0").contains("Thoughtful remark 1").contains("Thoughtful remark 2");
        assertThat(csv(campaign.id())).doesNotContain("Thoughtful remark");
        // The conditional questions were answered by the 6 who had an interaction, all alike here: a
        // group under 10 answering as one is hidden, since it would tell each member's answer.
        SurveyResults found = results.results(campaign.id(), HospitalScope.everything());
        assertThat(found.questions().get(2).groups().get(0).suppressed()).isTrue();
        assertThat(found.questions().get(0).groups().get(0).answered()).isEqualTo(10);
    }

    @Test
    void the_export_neutralises_department_names_that_look_like_formulas() {
        long formula = organization.createDepartment(place.hospitalId(), "=HYPERLINK(\"x\")" + Fixtures.unique(""),
                HospitalScope.everything());
        invite(formula, 1);
        UUID id = surveys.draft(place, List.of(formula));
        campaigns.open(id, HospitalScope.everything());
        close(id);
        assertThat(csv(id)).contains("\"'=HYPERLINK(\"\"x\"\")").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void free_text_is_deleted_after_the_retention_period_and_the_figures_stay() {
        Opened campaign = surveys.opened(place, 10);
        for (int i = 0; i < 10; i++) {
            answer(campaign.emails().get(i), i < 6, "Remark to forget " + i);
        }
        close(campaign.id());
        int retentionDays = organization.settings().noteRetentionDays();
        assertThat(retention.forgetOldFreeText(fixtures.now())).as("closed today: kept").isZero();
        String before = main(page(campaign.id()));
        assertThat(before).contains("Remark to forget");

        jdbc.update("update survey_campaign set closed_at = ? where id = ?",
                java.sql.Timestamp.from(fixtures.now().minus(java.time.Duration.ofDays(retentionDays + 1))),
                campaign.id());
        assertThat(retention.forgetOldFreeText(fixtures.now())).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from survey_answer where campaign_id = ? and text is not null",
                Integer.class, campaign.id())).isZero();
        String after = main(page(campaign.id()));
        assertThat(after).doesNotContain("Remark to forget");
        SurveyResults found = results.results(campaign.id(), HospitalScope.everything());
        assertThat(found.total().responded()).isEqualTo(10);
        assertThat(found.questions().get(0).groups().get(0).headline().count()).isEqualTo(6);
        assertThat(retention.forgetOldFreeText(fixtures.now())).as("a second run").isZero();
    }

    @Test
    void while_a_campaign_is_open_no_count_exists_so_two_snapshots_around_one_answer_are_the_same() {
        Opened campaign = surveys.opened(place, 12);
        for (int i = 0; i < 6; i++) {
            answer(campaign.emails().get(i), true, null);
        }
        String resultsBefore = main(page(campaign.id()));
        String campaignBefore = main(campaignPage(campaign.id()));
        assertThat(resultsBefore).contains("The results appear when the campaign closes").doesNotContain("%");
        assertThat(campaignBefore).contains("Responses are counted when the campaign closes.")
                .doesNotContain("6 responses").doesNotContain("See the results");
        assertThat(mvc.get().uri("/surveys/{id}/results.csv", campaign.id()).with(user(coordinator)))
                .hasStatus(HttpStatus.NOT_FOUND);

        answer(campaign.emails().get(6), false, null);
        assertThat(main(page(campaign.id()))).isEqualTo(resultsBefore);
        assertThat(main(campaignPage(campaign.id()))).isEqualTo(campaignBefore);

        // Closed, the figures appear, frozen: a later change of the program's minimum alters nothing.
        close(campaign.id());
        String published = main(page(campaign.id()));
        assertThat(published).contains("<td class=\"text-end\">7</td>").contains("58%")
                .doesNotContain("The results appear");
        assertThat(campaignPage(campaign.id())).contains("7 responses");
        var settings = organization.settings();
        long version = organization.settingsVersion();
        organization.changeSettings(withMinimums(settings, settings.surveyMinGroupSize() + 5,
                settings.surveyMinFreeTextSize() + 5), version);
        try {
            assertThat(main(page(campaign.id()))).isEqualTo(published);
            assertThat(results.results(campaign.id(), HospitalScope.everything()).minGroupSize())
                    .isEqualTo(settings.surveyMinGroupSize());
        }
        finally {
            organization.changeSettings(settings, organization.settingsVersion());
        }
    }

    private static org.peersupport.organization.ProgramSettingsView withMinimums(
            org.peersupport.organization.ProgramSettingsView s, int group, int freeText) {
        return new org.peersupport.organization.ProgramSettingsView(s.programName(), s.matchingPolicy(),
                s.assignTargetHours(), s.urgentAssignTargetHours(), s.firstContactTargetHours(), s.urgentTargetHours(),
                s.certificationValidMonths(), s.noteRetentionDays(),
                group, freeText, s.supportersPerDepartment());
    }

    /** The page's main content: what it says, without the per-request form tokens. */
    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"))
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    private void close(UUID id) {
        campaigns.close(id, HospitalScope.everything());
    }

    private String campaignPage(UUID id) {
        var result = mvc.get().uri("/surveys/{id}", id).with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk();
        return content(result);
    }

    private List<String> invite(long departmentId, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = Fixtures.uniqueEmail("respondent");
            fixtures.physician(departmentId, email);
            emails.add(email);
        }
        return emails;
    }

    private void answer(String email, boolean hadInteraction, String comment) {
        assertThat(answering.submit(SurveyDriver.token(email),
                SurveyDriver.parameters(surveys.answers(hadInteraction, comment)))).isInstanceOf(Submission.Saved.class);
    }

    private String page(UUID id) {
        var result = mvc.get().uri("/surveys/{id}/results", id).with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk();
        return content(result);
    }

    private String csv(UUID id) {
        var result = mvc.get().uri("/surveys/{id}/results.csv", id).with(user(coordinator)).exchange();
        assertThat(result).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        return content(result);
    }

    private static String content(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
