package org.peersupport.reporting;

import java.nio.charset.StandardCharsets;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may see the dashboard, the study table and the exports, and what a coordinator sees: their
 * own hospitals only. The exports hold the page's figures, and a department named like a formula
 * comes out as text.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAccessTests {

    static final String PERIOD = "from=2025-01&to=2025-06";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingRefresh refresh;

    Place ours;

    Place theirs;

    CertifiedSupporter supporter;

    long formulaDepartment;

    @BeforeAll
    void twoHospitals() {
        ReportRecords records = new ReportRecords(jdbc);
        ours = fixtures.hospital();
        theirs = fixtures.hospital();
        supporter = fixtures.certifiedSupporter(ours.departmentId());
        // Ours: three physicians reached; theirs: seven.
        for (int i = 0; i < 3; i++) {
            long physician = fixtures.physician(ours.departmentId());
            records.interaction(ours.hospitalId(), ours.departmentId(), physician, supporter.id(), null,
                    "2025-02-1" + i + "T12:00:00Z", "CONNECTED", false);
        }
        CertifiedSupporter other = fixtures.certifiedSupporter(theirs.departmentId());
        for (int i = 0; i < 7; i++) {
            long physician = fixtures.physician(theirs.departmentId());
            records.interaction(theirs.hospitalId(), theirs.departmentId(), physician, other.id(), null,
                    "2025-03-1" + i + "T12:00:00Z", "CONNECTED", false);
        }
        formulaDepartment = organization.createDepartment(ours.hospitalId(), "=HYPERLINK(\"x\") " + UUID.randomUUID(),
                HospitalScope.everything());
        records.referral(ours.hospitalId(), formulaDepartment, fixtures.physician(formulaDepartment), "SELF",
                "BURNOUT", false, "2025-02-01T12:00:00Z", null, null, "WITHDRAWN");
        // Two small hospitals of three: together they reach the minimum, so other tests' hospitals in
        // the shared database never need a larger one hidden with them (Subtraction), whatever ran before.
        for (int h = 0; h < 2; h++) {
            Place small = fixtures.hospital();
            for (int i = 0; i < 3; i++) {
                fixtures.physician(small.departmentId());
            }
        }
        refresh.refresh();
    }

    @Test
    void a_coordinator_sees_the_figures_of_their_hospitals_only() {
        CurrentUser coordinator = fixtures.coordinator(ours.hospitalId());
        String html = body(mvc.get().uri("/reports?" + PERIOD).with(user(coordinator)).exchange(), 200);
        // Three physicians reached is fewer than the minimum of 5: hidden.
        assertThat(html).contains("id=\"reach-physicians\">hidden<").doesNotContain("id=\"reach-physicians\">3<");
        assertThat(html).contains(ours.hospitalName()).doesNotContain(theirs.hospitalName());
        // Another hospital's id, or one of its departments, finds nothing.
        body(mvc.get().uri("/reports?hospitalId=" + theirs.hospitalId()).with(user(coordinator)).exchange(), 404);
        body(mvc.get().uri("/reports?departmentId=" + theirs.departmentId()).with(user(coordinator)).exchange(), 404);
        body(mvc.get().uri("/reports/reach.csv?hospitalId=" + theirs.hospitalId()).with(user(coordinator))
                .exchange(), 404);
        body(mvc.get().uri("/reports/study?hospitalId=" + theirs.hospitalId()).with(user(coordinator)).exchange(),
                404);
        // A coordinator of both sees both.
        CurrentUser both = fixtures.coordinator(ours.hospitalId(), theirs.hospitalId());
        assertThat(body(mvc.get().uri("/reports?" + PERIOD).with(user(both)).exchange(), 200))
                .contains("id=\"reach-physicians\">10<");
    }

    @Test
    void an_administrator_may_look_at_any_hospital() {
        String html = body(mvc.get().uri("/reports?hospitalId=" + theirs.hospitalId() + "&" + PERIOD)
                .with(user(fixtures.admin())).exchange(), 200);
        assertThat(html).contains("id=\"reach-physicians\">7<").contains(theirs.hospitalName());
        // With a hospital chosen, the department filter lists that hospital's departments.
        assertThat(html).contains(">" + organization.department(theirs.departmentId()).orElseThrow().label() + "<")
                .doesNotContain(">" + organization.department(ours.departmentId()).orElseThrow().label() + "<");
    }

    @Test
    void supporters_and_physicians_are_forbidden() {
        CurrentUser physician = fixtures.physicianUser(ours.departmentId());
        for (String path : new String[] {"/reports", "/reports/study", "/reports/reach.csv"}) {
            body(mvc.get().uri(path).with(user(supporter.user())).exchange(), 403);
            body(mvc.get().uri(path).with(user(physician)).exchange(), 403);
        }
        assertThat(mvc.get().uri("/reports").exchange().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void an_unknown_export_is_not_found() {
        body(mvc.get().uri("/reports/notes.csv").with(user(fixtures.admin())).exchange(), 404);
    }

    @Test
    void the_exports_hold_the_tables_figures() {
        CurrentUser coordinator = fixtures.coordinator(ours.hospitalId());
        MvcTestResult reach = mvc.get().uri("/reports/reach.csv?" + PERIOD).with(user(coordinator)).exchange();
        assertThat(reach.getResponse().getContentType()).startsWith("text/csv");
        assertThat(reach.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"report-reach-2025-01-to-2025-06.csv\"");
        String all = "All your hospitals,2025-01 to 2025-06,";
        // Three reached (of the supporter and the three on the adopted roster) and one referral are
        // fewer than the minimum of 5: the export hides them as the page does, share and interval too.
        assertThat(body(reach, 200)).isEqualTo("scope,period,figure,value,percent,ci95_low_percent,ci95_high_percent\r\n"
                + all + "Physicians reached,hidden,,,\r\n"
                + all + "\"Reached in adopted departments, of their roster (95% CI)\",hidden,,,\r\n"
                + all + "Referrals received,hidden,,,\r\n");
        String triggers = body(mvc.get().uri("/reports/triggers.csv?" + PERIOD).with(user(coordinator)).exchange(),
                200);
        assertThat(triggers).isEqualTo("scope,period,Trigger,Referrals\r\n" + all + "Burnout or overload,hidden\r\n");
        String trend = body(mvc.get().uri("/reports/trend.csv?" + PERIOD).with(user(coordinator)).exchange(), 200);
        assertThat(trend.lines()).hasSize(3);
        assertThat(trend.lines().toList().get(1)).startsWith(all + "2025 Q1,hidden,hidden,hidden,hidden,");
        assertThat(trend.lines().toList().get(2)).startsWith(all + "2025 Q2,0,0,0,0,");
        String study = body(mvc.get().uri("/reports/study.csv?" + PERIOD).with(user(coordinator)).exchange(), 200);
        assertThat(study).contains(all + "Physicians reached,hidden,More than 500");
        // Departments and their roster describe the program, not whom it supported: shown, with
        // shares and intervals. Two departments (one adopted); five on the roster, four adopted.
        String adoption = body(mvc.get().uri("/reports/adoption.csv?" + PERIOD).with(user(coordinator)).exchange(),
                200);
        assertThat(adoption).contains(all + "Adopted departments (95% CI),1,50.0,9.5,90.5\r\n")
                .contains(all + "Physicians in adopted departments (95% CI),4,80.0,37.6,96.4\r\n");
        // The seven reached at the other hospital are enough to be shown.
        String theirs = body(mvc.get().uri("/reports/reach.csv?hospitalId=" + this.theirs.hospitalId() + "&" + PERIOD)
                .with(user(fixtures.admin())).exchange(), 200);
        assertThat(theirs).contains(",Physicians reached,7,,,\r\n");
    }

    @Test
    void a_formula_in_a_name_is_exported_as_text() {
        CurrentUser admin = fixtures.admin();
        String csv = body(mvc.get().uri("/reports/sources.csv?departmentId=" + formulaDepartment + "&" + PERIOD)
                .with(user(admin)).exchange(), 200);
        String department = organization.department(formulaDepartment).orElseThrow().label();
        // A department of one physician: no source is named, and no count is given.
        assertThat(csv).isEqualTo("scope,period,Source,Referrals\r\n\"'" + department.replace("\"", "\"\"")
                + "\",2025-01 to 2025-06,Hidden with every figure of this group,hidden\r\n");
        // The department's name is on the page, escaped, and never starts a CSV cell as a formula.
        String html = body(mvc.get().uri("/reports?departmentId=" + formulaDepartment + "&" + PERIOD)
                .with(user(admin)).exchange(), 200);
        assertThat(html).contains("=HYPERLINK(&quot;x&quot;)");
    }

    private static String body(MvcTestResult result, int status) {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
