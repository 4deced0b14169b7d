package org.peersupport.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator nominates a physician as a peer supporter, schedules a session for today with
 * the whole curriculum, ticks the supporter's attendance and saves; the supporter then signs in
 * and sees "certified" on My training.
 */
@IntegrationTest
class SupporterJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterService roster;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @Test
    void a_coordinator_trains_a_supporter_who_then_sees_certified() {
        Fixtures.Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        PhysicianSummary onRoster = roster.physician(physician.physicianId().orElseThrow()).orElseThrow();
        String facilitator = Fixtures.unique("Dr Facilitator");

        // The coordinator finds the physician on the roster and nominates them.
        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("header a[href='/supporters']")).click();
        browser.waitForHeading("Peer supporters");
        browser.find(By.xpath("//main//a[normalize-space()='Nominate a supporter']")).click();
        browser.waitForHeading("Nominate a peer supporter");
        browser.type(By.id("q"), onRoster.email());
        browser.find(By.xpath("//main//button[normalize-space()='Search']")).click();
        WebElement nominate = browser.find(By.cssSelector("button[aria-label='Nominate: " + onRoster.name() + "']"));
        nominate.click();
        browser.waitForHeading(onRoster.name());
        assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).isEqualTo(
                "The physician is nominated as a peer supporter, and their account now has the supporter role.");
        assertThat(browser.path()).matches("/supporters/\\d+");
        long supporterId = Long.parseLong(browser.path().substring("/supporters/".length()));
        assertThat(browser.find(By.cssSelector("main .badge")).getText()).isEqualTo("not certified");

        // Schedules a session for today: the hospital, the date and every module are filled in already.
        browser.find(By.xpath("//header//a[normalize-space()='Training']")).click();
        browser.waitForHeading("Training sessions");
        browser.find(By.xpath("//main//a[normalize-space()='Schedule a session']")).click();
        browser.waitForHeading("Schedule a session");
        assertThat(browser.find(By.id("sessionDate")).getAttribute("value")).isEqualTo(fixtures.today().toString());
        List<WebElement> modules = browser.driver().findElements(By.cssSelector("input[name=moduleIds]"));
        assertThat(modules).isNotEmpty().allSatisfy(m -> assertThat(m.isSelected()).isTrue());
        browser.type(By.id("facilitator"), facilitator);
        browser.find(By.xpath("//main//button[normalize-space()='Schedule']")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "The session is scheduled."));
        browser.waitForHeading("Training session");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("Facilitated by " + facilitator);

        // Ticks the supporter's attendance; every covered module is ticked as completed already.
        WebElement attended = browser.find(By.id("attended-" + supporterId));
        assertThat(attended.isSelected()).isFalse();
        attended.click();
        assertThat(attended.isSelected()).isTrue();
        List<WebElement> completed = browser.driver()
                .findElements(By.cssSelector("input[name=completed][value^='" + supporterId + ":']"));
        assertThat(completed).hasSize(modules.size()).allSatisfy(c -> assertThat(c.isSelected()).isTrue());
        browser.find(By.xpath("//main//button[normalize-space()='Save attendance']")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "Attendance is saved"));
        assertThat(browser.find(By.id("attended-" + supporterId)).isSelected()).isTrue();
        browser.signOut();

        // The supporter signs in and finds "certified" on My training.
        browser.signIn(physician.email(), Fixtures.PASSWORD);
        browser.find(By.xpath("//header//a[normalize-space()='My training']")).click();
        browser.waitForHeading("My training");
        WebElement certification = browser.find(By.cssSelector("#my-certification .badge"));
        assertThat(certification.getText()).isEqualTo("certified");
        assertThat(browser.find(By.id("my-certification")).getText()).contains("Certified on");
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains(facilitator);
        browser.screenshot("supporter-journey-my-training");
    }
}
