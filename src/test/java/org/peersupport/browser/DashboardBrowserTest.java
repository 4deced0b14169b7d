package org.peersupport.browser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.peersupport.account.CurrentUser;
import org.peersupport.reporting.ReportingRefresh;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator opens the program dashboard from the header: the chart of referrals by source is
 * drawn (by Chart.js from the WebJar, under the strict Content-Security-Policy) from the figures
 * of the table beside it.
 */
@IntegrationTest
class DashboardBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingRefresh refresh;

    @BeforeEach
    void pointTheBrowserAtTheApp() {
        browser.at("http://localhost:" + port).codes(fixtures::secondFactorCode);
    }

    @Test
    void a_coordinator_opens_the_dashboard_and_reads_a_chart_and_its_table() {
        Fixtures.Place place = fixtures.hospital();
        // Twelve colleagues, seven self-referrals and one leader's: the one is fewer than 5, and the
        // seven goes with it, or the total of twenty would give it away.
        List<String> sources = new java.util.ArrayList<>();
        sources.addAll(java.util.Collections.nCopies(12, "COLLEAGUE"));
        sources.addAll(java.util.Collections.nCopies(7, "SELF"));
        sources.add("LEADER");
        Instant received = fixtures.now().minus(10, ChronoUnit.DAYS);
        for (String source : sources) {
            jdbc.update("""
                    insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent,
                                          status, outcome, closed_at, created_at)
                    values (gen_random_uuid(), ?, ?, ?, ?, 'BURNOUT', false, 'CLOSED', 'WITHDRAWN', ?, ?)""",
                    place.hospitalId(), place.departmentId(), fixtures.physician(place.departmentId()), source,
                    java.sql.Timestamp.from(received), java.sql.Timestamp.from(received));
        }
        refresh.refresh();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());

        browser.signIn(coordinator.email(), Fixtures.PASSWORD);
        browser.find(By.xpath("//header//button[normalize-space()='Program']")).click();
        browser.find(By.xpath("//header//a[normalize-space()='Reports']")).click();
        browser.waitForHeading("Program dashboard");

        WebElement table = browser.find(By.id("sources-table"));
        List<String> rows = table.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).containsExactly("Colleague 12", "Department leader hidden", "Self-referral hidden");
        assertThat(browser.find(By.id("reach-table")).getText()).contains("Referrals received 20");

        // The chart is drawn, with the table's labels and figures: the hidden ones have no bar.
        browser.waitUntil(ExpectedConditions.attributeToBe(By.id("sources-chart"), "data-chart-ready", "3"));
        Object chart = ((JavascriptExecutor) browser.driver()).executeScript("""
                var chart = Chart.getChart(document.getElementById('sources-chart'));
                return [chart.config.type, chart.data.labels.join('|'), chart.data.datasets[0].data.join('|')];""");
        assertThat(chart).isEqualTo(List.of("bar", "Colleague|Department leader|Self-referral", "12||"));
        WebElement canvas = browser.find(By.id("sources-chart"));
        assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
        assertThat(canvas.getAttribute("aria-label")).contains("table that follows");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                browser.find(By.id("sources-title")));
        browser.screenshot("dashboard");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                browser.find(By.id("trend-title")));
        browser.screenshot("dashboard-trend");
    }
}
