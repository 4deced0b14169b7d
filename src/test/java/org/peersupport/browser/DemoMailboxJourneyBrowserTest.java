package org.peersupport.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.InvitationMailer;
import org.peersupport.survey.SurveyDriver;
import org.peersupport.survey.SurveyTemplateService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first ten minutes of `./mvnw spring-boot:run`, with no mail server: the administrator opens
 * a survey campaign, reads each invitation in the demo mailbox and follows its link, the survey
 * is answered there, and after closing the campaign counts the responses.
 */
@IntegrationTest
@TestPropertySource(properties = "peersupport.demo-mail.enabled=true")
class DemoMailboxJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

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
    JdbcTemplate jdbc;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @Test
    void an_invitation_read_in_the_demo_mailbox_is_answered_through_its_link_and_counted_after_close() {
        SurveyDriver surveys = new SurveyDriver(campaigns, mailer, templates, fixtures, jdbc);
        Fixtures.Place place = fixtures.hospital();
        List<String> invitees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = Fixtures.uniqueEmail("mailbox.invitee");
            fixtures.physician(place.departmentId(), email);
            invitees.add(email);
        }
        UUID campaign = surveys.draft(place, List.of(place.departmentId()));
        CurrentUser admin = fixtures.admin();

        browser.signIn(admin.email(), Fixtures.PASSWORD);
        browser.open("/surveys/" + campaign);
        browser.find(By.xpath("//main//button[normalize-space()='Open and send the invitations']")).click();
        browser.waitUntil(ExpectedConditions.alertIsPresent()).accept();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "5 invitations queued"));
        mailer.sendQueued(); // the background job, which the tests do not schedule

        for (int i = 0; i < invitees.size(); i++) {
            // The administrator's menu leads to the mailbox; each invitation is one row.
            browser.open("/");
            browser.find(By.xpath("//header//button[normalize-space()='Setup']")).click();
            browser.find(By.xpath("//header//a[normalize-space()='Demo mailbox']")).click();
            browser.waitForHeading("Demo mailbox");
            browser.find(By.xpath("//main//tr[td[normalize-space()='" + invitees.get(i) + "']]//a")).click();
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .letter-body a")));
            String link = browser.find(By.cssSelector("main .letter-body a")).getAttribute("href");
            assertThat(link).contains("/s/");
            // Followed as the invitee would, from the e-mail: on this test server's port, not BASE_URL's.
            browser.open(java.net.URI.create(link).getPath());
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-shown-if]")));
            new ProgramEvaluationForm(browser, surveys.template().questions()).answer(i % 2 == 0, () -> { });
        }

        browser.open("/surveys/" + campaign);
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Close the survey now']")).click();
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("response-count"), "5 responses"));
        browser.signOut();
    }
}
