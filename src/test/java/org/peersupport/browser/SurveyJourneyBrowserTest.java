package org.peersupport.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.InvitationMailer;
import org.peersupport.survey.SurveyDriver;
import org.peersupport.survey.SurveyTemplateService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator opens a survey campaign for one department; invitees answer through the links in
 * their e-mails, with no sign-in; there are no results while it is open, and once the coordinator
 * closes it the figures of its five answers appear.
 */
@IntegrationTest
class SurveyJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final Dimension DESKTOP = new Dimension(1280, 1024);

    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CampaignService campaigns;

    @Autowired
    SurveyTemplateService templates;

    @Autowired
    InvitationMailer mailer;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    SurveyDriver surveys;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
        surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
    }

    @Test
    void a_coordinator_runs_a_survey_and_results_appear_once_it_closes() {
        Fixtures.Place place = fixtures.hospital();
        String department = organization.department(place.departmentId()).orElseThrow().name();
        List<String> invitees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = Fixtures.uniqueEmail("invitee");
            fixtures.physician(place.departmentId(), email);
            invitees.add(email);
        }
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        String title = Fixtures.unique("Program evaluation, spring");

        // The coordinator goes to Surveys from the header and creates a campaign for one department.
        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        browser.find(By.xpath("//header//a[normalize-space()='Surveys']")).click();
        browser.waitForHeading("Surveys");
        browser.find(By.xpath("//main//a[normalize-space()='New survey campaign']")).click();
        browser.waitForHeading("New survey campaign");
        browser.type(By.id("title"), title);
        new Select(browser.find(By.id("templateId"))).selectByVisibleText("Program evaluation (v1)");
        assertThat(new Select(browser.find(By.id("hospitalId"))).getFirstSelectedOption().getText())
                .isEqualTo(place.hospitalName());
        browser.find(By.xpath("//label[normalize-space()='" + department + ", " + place.hospitalName() + "']"))
                .click();
        assertThat(browser.find(By.id("opensOn")).getAttribute("value")).isEqualTo(fixtures.today().toString());
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Create the campaign']")).click();
        browser.waitForHeading(title);
        assertThat(browser.path()).matches("/surveys/[0-9a-f-]{36}");
        String campaignPath = browser.path();
        assertThat(browser.find(By.id("campaign-status")).getText()).isEqualTo("Draft: nothing sent");

        // Opens it: six invitations are queued and go out in the background.
        browser.find(By.xpath("//main//button[normalize-space()='Open and send the invitations']")).click();
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "6 invitations queued"));
        assertThat(browser.find(By.id("progress-text")).getText()).startsWith("0 of 6 e-mails sent");
        mailer.sendQueued();
        // The panel refreshes itself.
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"),
                "6 of 6 e-mails sent"));
        assertThat(browser.find(By.id("response-count")).getText())
                .isEqualTo("Responses are counted when the campaign closes.");
        browser.screenshot("survey-campaign");

        // Five invitees answer through the links in their e-mails, one on a phone.
        answer(invitees.get(0), true, PHONE);
        answer(invitees.get(1), true, DESKTOP);
        answer(invitees.get(2), false, DESKTOP);
        answer(invitees.get(3), true, DESKTOP);
        answer(invitees.get(4), false, DESKTOP);

        // While the campaign is open there are no results at all, not even a count.
        browser.open(campaignPath + "/results");
        browser.waitForHeading("Results");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("The results appear when the campaign closes")
                .doesNotContain("83%").doesNotContain("5 responses");
        browser.screenshot("survey-results-pending");

        // The coordinator closes it; the figures appear, frozen.
        browser.open(campaignPath);
        browser.waitForHeading(title);
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Close the survey now']")).click();
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("response-count"), "5 responses"));
        browser.open(campaignPath + "/results");
        browser.waitForHeading("Results");
        String shown = browser.find(By.id("rates")).getText();
        assertThat(shown).doesNotContain("Fewer than 5 responses").contains("83% (44\u201397%)");
        assertThat(browser.find(By.cssSelector(".question-result table")).getText())
                .contains("All departments 5 3 (60%) 2 (40%) 60% (23\u201388%)");
        browser.screenshot("survey-results-shown");
    }

    /** Opens the link of the invitee's e-mail and answers: yes to the first question, or no. */
    private void answer(String email, boolean hadInteraction, Dimension window) {
        String link = SurveyDriver.LINK.matcher(SurveyDriver.body(
                org.peersupport.support.TestMail.to(email).get(0))).results().findFirst().orElseThrow().group();
        assertThat(link).startsWith("http://localhost:" + port + "/s/");
        browser.driver().manage().window().setSize(window);
        try {
            browser.open(link.substring(("http://localhost:" + port).length()));
            browser.waitForHeading("Program evaluation, spring");
            new ProgramEvaluationForm(browser, surveys.template().questions()).answer(hadInteraction, () -> {
                if (window == PHONE) {
                    browser.screenshot("survey-answer-phone");
                }
            });
        }
        finally {
            browser.driver().manage().window().setSize(DESKTOP);
        }
    }
}
