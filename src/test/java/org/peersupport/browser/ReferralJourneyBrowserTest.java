package org.peersupport.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.RosterService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A physician refers a colleague who may be in danger and is shown the crisis resources at once;
 * a coordinator assigns the top suggestion from the triage queue; the supporter signs in and
 * finds the case in "My cases", without the referrer's name.
 */
@IntegrationTest
class ReferralJourneyBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterService roster;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @Test
    void a_referral_in_danger_is_assigned_and_reaches_the_supporter_without_the_referrers_name() {
        Place place = fixtures.hospital();
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        long colleagueId = fixtures.physician(place.departmentId());
        String colleague = roster.physician(colleagueId).orElseThrow().name();
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        String supporterName = roster.physician(supporter.physicianId()).orElseThrow().name();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        String referrerName = roster.physician(referrer.physicianId().orElseThrow()).orElseThrow().name();

        // The physician finds the colleague as they type, and answers that someone is in danger.
        browser.signIn(referrer.email(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("#physician-home a[href='/referrals/new']")).click();
        browser.waitForHeading("Refer a colleague");
        assertThat(browser.driver().findElement(By.id("danger-resources")).isDisplayed()).isFalse();
        browser.type(By.id("colleague-search"), colleague);
        WebElement found = browser.find(By.id("colleague-" + colleagueId));
        assertThat(browser.find(By.cssSelector("label[for='colleague-" + colleagueId + "']")).getText())
                .contains(colleague, place.hospitalName());
        if (!found.isSelected()) {
            browser.find(By.cssSelector("label[for='colleague-" + colleagueId + "']")).click();
        }
        assertThat(found.isSelected()).isTrue();
        labelOf(By.cssSelector("input[name=trigger][value=ADVERSE_EVENT]")).click();
        browser.find(By.cssSelector("label[for='danger-yes']")).click();

        // The crisis resources show at once, before anything is sent.
        WebElement resources = browser.find(By.id("danger-resources"));
        assertThat(resources.getText()).contains("911", "988");
        assertThat(resources.findElement(By.cssSelector("a[href='tel:911']")).isDisplayed()).isTrue();
        assertThat(resources.findElement(By.cssSelector("a[href='tel:988']")).isDisplayed()).isTrue();
        browser.screenshot("referral-journey-danger");
        browser.find(By.xpath("//main//button[normalize-space()='Send referral']")).click();

        // The confirmation says only that it was received, and shows the crisis resources again.
        browser.waitForHeading("Referral received");
        assertThat(browser.path()).isEqualTo("/referrals/received");
        WebElement again = browser.find(By.id("received-danger"));
        assertThat(again.getText()).contains("911", "988");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(colleague);
        UUID id = jdbc.queryForObject("select id from referral where physician_id = ? and status = 'NEW'",
                UUID.class, colleagueId);
        assertThat(jdbc.queryForObject("select urgent from referral where id = ?", Boolean.class, id)).isTrue();
        browser.signOut();

        // The coordinator opens the case from the queue, where it shows how long it has to be assigned.
        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        browser.find(By.cssSelector("header a[href='/triage']")).click();
        browser.waitForHeading("Triage queue");
        WebElement row = browser.find(By.xpath("//main//table//tr[.//a[normalize-space()='" + colleague + "']]"));
        assertThat(row.getText()).contains("Urgent", "Adverse event or medical error", "Colleague", "New",
                "assign within", "under 1 h");
        row.findElement(By.linkText(colleague)).click();
        browser.waitForHeading(colleague);
        assertThat(browser.path()).isEqualTo("/triage/" + id);

        // Nothing is chosen for them; a click anywhere on a card chooses that supporter.
        WebElement top = browser.find(By.cssSelector("input[name=supporterId]"));
        assertThat(top.isSelected()).isFalse();
        assertThat(top.getAttribute("value")).isEqualTo(String.valueOf(supporter.id()));
        WebElement card = browser.find(By.cssSelector("label.choice-card"));
        assertThat(card.getText()).contains(supporterName, "serves " + department(place.departmentId())
                + ", the colleague's department", "0 of 3 open cases");
        card.findElement(By.cssSelector(".small")).click();
        assertThat(top.isSelected()).isTrue();
        browser.find(By.xpath("//main//button[normalize-space()='Assign']")).click();
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .alert-success"),
                "The case is assigned to " + supporterName));
        assertThat(browser.find(By.tagName("main")).getText()).contains("Assigned", supporterName, "due in");
        browser.signOut();

        // The supporter finds the case in "My cases": the colleague, but never who referred them.
        browser.signIn(supporter.user().email(), Fixtures.PASSWORD);
        browser.find(By.xpath("//header//a[normalize-space()='My cases']")).click();
        browser.waitForHeading("My cases");
        WebElement item = browser.find(By.xpath("//main//a[.//strong[normalize-space()='" + colleague + "']]"));
        assertThat(item.getText()).contains("Urgent", "Adverse event or medical error", "due in");
        item.click();
        browser.waitForHeading(colleague);
        assertThat(browser.path()).isEqualTo("/cases/" + id);
        WebElement referredBy = browser.find(
                By.xpath("//main//dt[normalize-space()='Referred by']/following-sibling::dd[1]"));
        assertThat(referredBy.getText()).isEqualTo("Not shared, at the referrer's choice");
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain(referrerName, referrer.displayName(), referrer.email());
        browser.screenshot("referral-journey-supporter-case");
    }

    @Test
    void on_a_phone_the_queue_fits_the_screen_and_its_filters_fold_away() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long colleague = fixtures.physician(place.departmentId());
            names.add(roster.physician(colleague).orElseThrow().name());
            jdbc.update("insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, "
                    + "urgent, status, created_at) values (?, ?, ?, ?, 'SELF', 'ADVERSE_EVENT', ?, 'NEW', ?)",
                    UUID.randomUUID(), place.hospitalId(), place.departmentId(), colleague, i == 0,
                    java.sql.Timestamp.from(fixtures.now().minus(java.time.Duration.ofHours(30L * i))));
        }

        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.signIn(coordinator.email(), Fixtures.PASSWORD);
            browser.open("/triage");
            browser.waitForHeading("Triage queue");
            // The search and the order are in view; the other filters wait behind their button.
            assertThat(browser.find(By.id("name")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("sort")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("hospitalId")).isDisplayed()).isFalse();
            browser.screenshot("triage-phone");
            browser.find(By.xpath("//main//button[normalize-space()='Filters']")).click();
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("hospitalId")));

            // Every case reads in full, without the page scrolling sideways.
            Long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isZero();
            for (String name : names) {
                WebElement row = browser.find(By.xpath("//main//tr[.//a[normalize-space()='" + name + "']]"));
                assertThat(row.getText()).contains("Self-referral", "New");
                assertThat(row.getRect().getX() + row.getRect().getWidth()).isLessThanOrEqualTo(390);
            }
            assertThat(browser.find(By.tagName("main")).getText()).contains("assignment overdue by", "30 h",
                    "2 days");
        }
        finally {
            browser.driver().manage().deleteAllCookies();
            browser.driver().manage().window().setSize(new Dimension(1280, 1024));
        }
    }

    @Test
    void the_coordinators_home_leads_to_an_urgent_referral_waiting_for_a_supporter() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        long colleague = fixtures.physician(place.departmentId());
        String name = roster.physician(colleague).orElseThrow().name();
        UUID id = UUID.randomUUID();
        jdbc.update("insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, "
                + "urgent, status, created_at) values (?, ?, ?, ?, 'SELF', 'PERSONAL_OTHER', true, 'NEW', ?)", id,
                place.hospitalId(), place.departmentId(), colleague,
                java.sql.Timestamp.from(fixtures.now().minus(java.time.Duration.ofHours(3))));

        browser.driver().manage().deleteAllCookies();
        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        try {
            WebElement urgent = browser.find(By.xpath("//main//a[contains(@class, 'work-tile')]"
                    + "[.//span[normalize-space()='urgent, not yet assigned']]"));
            assertThat(urgent.findElement(By.cssSelector(".value")).getText()).isEqualTo("1");
            assertThat(browser.find(By.cssSelector("header a[href='/triage'] .badge")).getText()).isEqualTo("1");
            urgent.click();
            browser.waitForHeading("Triage queue");
            WebElement row = browser.find(By.xpath("//main//tr[.//a[normalize-space()='" + name + "']]"));
            assertThat(row.getText()).contains("Urgent", "Self-referral", "waiting 3 h", "assignment overdue by 1 h");
            assertThat(browser.driver().findElements(By.cssSelector("main tbody tr"))).hasSize(1);
            row.findElement(By.linkText(name)).click();
            browser.waitForHeading(name);
            assertThat(browser.path()).isEqualTo("/triage/" + id);
        }
        finally {
            browser.driver().manage().deleteAllCookies();
        }
    }

    private String department(long departmentId) {
        return jdbc.queryForObject("select name from department where id = ?", String.class, departmentId);
    }

    private WebElement labelOf(By input) {
        WebElement field = browser.find(input);
        return browser.driver().findElement(By.cssSelector("label[for='" + field.getAttribute("id") + "']"));
    }
}
