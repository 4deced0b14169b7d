package org.peersupport.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.supporter.SupporterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Issue 12's attack, through the app's pages: a coordinator's hospital gets a new department
 * with one physician, a supporter checks in with that physician, and the dashboard of that
 * department must not say "1 physician reached, 100%", on the page, in its charts' data or in any
 * export. A department of ten, eight of them reached, still shows its figures; a department of six
 * is hidden with the new one, so that the hospital's figures minus the shown departments' cover
 * seven physicians, not one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSuppressionTests {

    static final List<String> EXPORTS = List.of("reach", "sources", "triggers", "implementation", "trend", "study");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    SupporterService supporters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingRefresh refresh;

    Place place;

    long newDepartment;

    long alone;

    long middle;

    CurrentUser coordinator;

    @BeforeAll
    void aCheckInWithTheOnlyPhysicianOfANewDepartment() {
        place = fixtures.hospital();
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        List<Long> colleagues = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            colleagues.add(fixtures.physician(place.departmentId()));
        }
        fixtures.physician(place.departmentId());
        coordinator = fixtures.coordinator(place.hospitalId());
        newDepartment = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"),
                HospitalScope.everything());
        alone = fixtures.physician(newDepartment);
        // A third department of six, which nobody reached.
        middle = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"),
                HospitalScope.everything());
        for (int i = 0; i < 6; i++) {
            fixtures.physician(middle);
        }
        var summary = supporters.supporter(supporter.id(), HospitalScope.everything());
        supporters.changeService(supporter.id(), 4, Set.of(place.departmentId(), newDepartment), summary.version(),
                HospitalScope.everything());
        CurrentUser supporterUser = fixtures.reload(supporter.user());
        // Eight colleagues of the first department, and the one physician of the new department.
        for (long colleague : colleagues) {
            checkIn(supporterUser, colleague);
        }
        checkIn(supporterUser, alone);
        assertThat(jdbc.queryForObject("select count(*) from interaction where department_id = ? and physician_id = ? "
                + "and referral_id is null and outcome = 'CONNECTED'", Integer.class, newDepartment, alone))
                .isEqualTo(1);
        refresh.refresh();
    }

    @Test
    void the_new_departments_page_says_hidden_and_never_one_or_a_hundred_percent() {
        String html = page("/reports?departmentId=" + newDepartment);
        assertThat(html).contains("id=\"report-small-group\"")
                .contains("id=\"reach-physicians\">hidden<")
                .doesNotContain("id=\"reach-physicians\">1<")
                .doesNotContain("100%")
                .doesNotContain("1 of 1")
                // The charts read data-value: a hidden cell has none, so no chart can draw the 1.
                .doesNotContain("data-value=\"1\"");
        // Every count of people in the tables is hidden: the proactive check-in included.
        assertThat(row(html, "Proactive check-ins")).contains("hidden").doesNotContain(">1<");
        assertThat(row(html, "Interactions")).contains("hidden").doesNotContain(">1<");
        assertThat(row(html, "Successful interactions")).contains("hidden").doesNotContain(">1<");
        assertThat(html).contains("Hidden with every figure of this group");
        String study = page("/reports/study?departmentId=" + newDepartment);
        assertThat(row(study, "Physicians reached")).contains("hidden").doesNotContain(">1<");
    }

    @Test
    void the_new_departments_exports_hide_the_same_cells() {
        for (String table : EXPORTS) {
            String csv = page("/reports/" + table + ".csv?departmentId=" + newDepartment);
            assertThat(csv).as(table).contains("hidden").doesNotContain("100.0");
            // No figure column holds a 1 (the scope and period columns come first).
            for (String line : csv.lines().skip(1).toList()) {
                List<String> figures = List.of(line.split(",", -1)).subList(2, line.split(",", -1).length);
                assertThat(figures).as(table + ": " + line).doesNotContain("1");
            }
        }
        assertThat(page("/reports/reach.csv?departmentId=" + newDepartment))
                .contains(",Physicians reached,hidden,,,")
                .contains(",Referrals received,hidden,,,");
        assertThat(page("/reports/implementation.csv?departmentId=" + newDepartment))
                .contains(",Proactive check-ins,hidden,,,")
                .contains(",Interactions,hidden,,,");
    }

    @Test
    void the_hospital_minus_the_shown_departments_covers_seven_physicians_not_the_new_one() {
        // The hospital shows the nine reached. Had the department of six been shown (0 reached) beside
        // the department of ten (8), the difference would be the new department's one physician.
        assertThat(page("/reports?hospitalId=" + place.hospitalId())).contains("id=\"reach-physicians\">9<")
                .doesNotContain("id=\"report-small-group\"");
        String html = page("/reports?departmentId=" + middle);
        assertThat(html).contains("id=\"report-small-group\"").contains("id=\"reach-physicians\">hidden<")
                .doesNotContain("id=\"reach-physicians\">0<");
        assertThat(page("/reports/reach.csv?departmentId=" + middle)).contains(",Physicians reached,hidden,,,");
        // The department of ten is shown: what it lets a reader work out is the sum of the other two.
        assertThat(page("/reports?departmentId=" + place.departmentId())).contains("id=\"reach-physicians\">8<");
    }

    @Test
    void a_department_large_enough_still_shows_its_figures() {
        // Ten on the roster (the supporter and nine), eight of them reached by eight check-ins.
        String html = page("/reports?departmentId=" + place.departmentId());
        assertThat(html).doesNotContain("id=\"report-small-group\"").contains("id=\"reach-physicians\">8<");
        assertThat(row(html, "Proactive check-ins")).contains(">8<");
        assertThat(page("/reports/reach.csv?departmentId=" + place.departmentId()))
                .contains(",Physicians reached,8,,,")
                .contains(",\"Reached in adopted departments, of their roster (95% CI)\",8,80.0,");
        assertThat(page("/reports/implementation.csv?departmentId=" + place.departmentId()))
                .contains(",Proactive check-ins,8,,,");
    }

    private void checkIn(CurrentUser supporter, long physicianId) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("when", LocalDateTime.ofInstant(fixtures.now(), Fixtures.ZONE).truncatedTo(ChronoUnit.MINUTES)
                .toString());
        form.add("mode", "PHONE");
        form.add("minutes", "30");
        form.add("outcome", "CONNECTED");
        form.add("physicianId", String.valueOf(physicianId));
        form.add("submissionKey", UUID.randomUUID().toString());
        MvcTestResult result = mvc.post().uri("/contacts/check-in").params(form).with(csrf()).with(user(supporter))
                .exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
    }

    /** The table row whose heading is exactly this text. */
    private static String row(String html, String heading) {
        int at = html.indexOf(">" + heading + "</th>");
        assertThat(at).as(heading).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private String page(String path) {
        MvcTestResult result = mvc.get().uri(path).with(user(coordinator)).exchange();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
