package org.peersupport.browser;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window, a supporter logs a connected contact with a red flag: the form will not
 * save until a resource is chosen and the action said. The coordinator then sees the case as
 * escalated, with the contact's facts and without the supporter's note.
 */
@IntegrationTest
class ContactJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final Dimension PHONE = new Dimension(390, 844);

    static final Dimension DESKTOP = new Dimension(1280, 1024);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterService roster;

    @Autowired
    ReferralService referrals;

    @Autowired
    TriageService triage;

    @Autowired
    ResourceService resources;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @AfterEach
    void desktopAgain() {
        browser.driver().manage().window().setSize(DESKTOP);
    }

    @Test
    void a_red_flag_must_be_escalated_and_the_coordinator_sees_the_escalation_without_the_note() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long colleagueId = fixtures.physician(place.departmentId());
        String colleague = roster.physician(colleagueId).orElseThrow().name();
        String eap = Fixtures.unique("Employee assistance");
        long resource = resources.add(new ResourceDetails(place.hospitalId(), eap, ResourceKind.EAP, "555 0100", null,
                "Any time", 1, true), HospitalScope.everything());
        referrals.refer(fixtures.physicianUser(place.departmentId()), new NewReferral(colleagueId, false, false,
                Trigger.PATIENT_DEATH, false, null, false, UUID.randomUUID()));
        UUID id = jdbc.queryForObject("select id from referral where physician_id = ?", UUID.class, colleagueId);
        triage.assign(id, supporter.id(), 0, coordinator);
        String note = "Walked to the car together " + UUID.randomUUID();

        // The supporter, on a phone, opens the case and the contact form.
        browser.driver().manage().window().setSize(PHONE);
        browser.signIn(supporter.user().email(), Fixtures.PASSWORD);
        browser.open("/cases");
        browser.waitForHeading("My cases");
        browser.find(By.xpath("//main//a[.//strong[normalize-space()='" + colleague + "']]")).click();
        browser.waitForHeading(colleague);
        browser.find(By.xpath("//main//a[normalize-space()='Log a contact']")).click();
        browser.waitForHeading("Log a contact with " + colleague);
        WebElement escalation = browser.driver().findElement(By.id("escalation"));
        assertThat(escalation.isDisplayed()).as("no red flag, no escalation asked").isFalse();
        assertThat(browser.find(By.id("when")).getAttribute("value")).as("now, by default").isNotBlank();

        browser.find(By.cssSelector("label[for='mode-PHONE']")).click();
        browser.find(By.cssSelector("label[for='minutes-30']")).click();
        browser.find(By.cssSelector("label[for='outcome-CONNECTED']")).click();
        browser.find(By.cssSelector("label[for='redFlag-SELF_HARM']")).click();
        browser.waitUntil(ExpectedConditions.visibilityOf(escalation));
        browser.type(By.id("note"), note);
        submit();

        // Refused: a resource and the action are needed; what was typed is still there.
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(browser.find(By.id("resourceIds-error")).getText()).isEqualTo("A red flag needs at least one resource.");
        assertThat(browser.find(By.id("action-error")).getText()).isEqualTo("Say what was done.");
        assertThat(browser.find(By.id("note")).getAttribute("value")).isEqualTo(note);
        assertThat(jdbc.queryForObject("select count(*) from interaction where referral_id = ?", Integer.class, id))
                .isZero();
        browser.screenshot("contact-phone-red-flag-refused");

        browser.find(By.cssSelector("label[for='resource-" + resource + "']")).click();
        browser.find(By.cssSelector("label[for='action-WARM_HANDOFF']")).click();
        submit();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "coordinators are told of the escalation"));
        assertThat(browser.path()).isEqualTo("/cases/" + id);
        assertThat(browser.find(By.tagName("main")).getText()).contains("Escalated", "Warm handoff", eap, note);
        browser.screenshot("contact-phone-logged");
        // On a phone the sign-out button is in the collapsed menu; the desktop header shows it.
        browser.driver().manage().window().setSize(DESKTOP);
        browser.signOut();

        // The coordinator finds the case escalated: the contact's facts, never the note.
        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        browser.open("/triage");
        browser.waitForHeading("Triage queue");
        WebElement row = browser.find(By.xpath("//main//table//tr[.//a[normalize-space()='" + colleague + "']]"));
        assertThat(row.findElement(By.cssSelector(".badge.text-bg-warning")).getText()).isEqualTo("Escalated");
        assertThat(row.getText()).contains("Contacted");
        row.findElement(By.linkText(colleague)).click();
        browser.waitForHeading(colleague);
        assertThat(browser.find(By.cssSelector("main h1 .badge.text-bg-warning")).getText()).isEqualTo("Escalated");
        String main = browser.find(By.tagName("main")).getText();
        assertThat(main).contains("Phone", "30 min", "Connected", "Warm handoff", eap);
        assertThat(browser.driver().getPageSource()).doesNotContain(note, "Walked to the car", "self-harm");
        browser.screenshot("contact-coordinator-escalated-case");
    }

    @Test
    void a_follow_up_stays_after_a_message_that_went_unanswered() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        long colleagueId = fixtures.physician(place.departmentId());
        String colleague = roster.physician(colleagueId).orElseThrow().name();
        referrals.refer(fixtures.physicianUser(place.departmentId()), new NewReferral(colleagueId, false, false,
                Trigger.BURNOUT, false, null, false, UUID.randomUUID()));
        UUID id = jdbc.queryForObject("select id from referral where physician_id = ?", UUID.class, colleagueId);
        triage.assign(id, supporter.id(), 0, coordinator);
        java.time.LocalDate inThreeDays = fixtures.today().plusDays(3);

        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(PHONE);
        browser.signIn(supporter.user().email(), Fixtures.PASSWORD);
        // A call that reached the colleague, with a call planned in three days.
        browser.open("/cases/" + id + "/contact");
        browser.waitForHeading("Log a contact with " + colleague);
        browser.find(By.cssSelector("label[for='mode-PHONE']")).click();
        browser.find(By.cssSelector("label[for='minutes-30']")).click();
        browser.find(By.cssSelector("label[for='outcome-CONNECTED']")).click();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.find(By.id("followUpOn")), inThreeDays.toString());
        submit();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-success")));
        // Then a message that went unanswered, with no plan of its own.
        browser.open("/cases/" + id + "/contact");
        browser.waitForHeading("Log a contact with " + colleague);
        browser.find(By.cssSelector("label[for='mode-MESSAGE']")).click();
        browser.find(By.cssSelector("label[for='minutes-30']")).click();
        browser.find(By.cssSelector("label[for='outcome-NO_RESPONSE']")).click();
        submit();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-success")));
        assertThat(jdbc.queryForObject("select count(*) from interaction where referral_id = ?", Integer.class, id))
                .isEqualTo(2);

        browser.open("/contacts");
        browser.waitForHeading("My contacts");
        WebElement followUp = browser.find(By.xpath("//main//a[contains(@class, 'list-group-item')]"
                + "[.//strong[normalize-space()='" + colleague + "']]"));
        assertThat(followUp.getText()).contains(java.time.format.DateTimeFormatter
                .ofPattern("EEE d MMM", java.util.Locale.ENGLISH).format(inThreeDays));
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("No follow-up planned.");
        browser.driver().manage().deleteAllCookies();
    }

    private void submit() {
        WebElement button = browser.find(By.xpath("//main//button[normalize-space()='Save the contact']"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", button);
        button.click();
    }
}
