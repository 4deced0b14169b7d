package org.peersupport.organization;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Hospitals, departments, roster rows and settings through their pages: rules, bad input, races. */
@IntegrationTest
class OrganizationAdministrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    RosterService roster;

    CurrentUser admin;

    Place place;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        place = fixtures.hospital();
    }

    @Test
    void departmentNamesAreUniqueWithinAHospitalWhateverTheCase() {
        String name = organization.departments(place.hospitalId()).get(0).name();
        assertThat(mvc.post().uri("/organization/hospitals/{id}/departments", place.hospitalId())
                .param("name", name.toUpperCase()).param("version", "0").with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("This hospital already has a department with this name.");
        assertThat(organization.departments(place.hospitalId())).hasSize(1);
    }

    @Test
    void hostileNamesAreStoredAsTypedAndShownEscaped() {
        String hostile = "<script>alert('x')</script> Cardiology'; drop table department;--";
        assertThat(mvc.post().uri("/organization/hospitals/{id}/departments", place.hospitalId())
                .param("name", hostile).param("version", "0").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(organization.departments(place.hospitalId())).extracting(DepartmentSummary::name)
                .contains(hostile);
        assertThat(mvc.get().uri("/organization/hospitals/{id}", place.hospitalId()).with(user(admin)))
                .hasStatusOk().bodyText().doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    }

    @Test
    void oversizedInputGetsAMessageNotAnError() {
        assertThat(mvc.post().uri("/organization/hospitals/{id}/departments", place.hospitalId())
                .param("name", "x".repeat(1_000_000)).param("version", "0").with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("Use at most 120 characters.");
        assertThat(organization.departments(place.hospitalId())).hasSize(1);
    }

    @Test
    void aFormWithoutItsHiddenVersionIsABadRequestAndChangesNothing() {
        String name = Fixtures.unique("Hospital");
        for (String version : new String[] {null, "", "abc", "99999999999999999999"}) {
            var request = mvc.post().uri("/organization/hospitals").param("name", name)
                    .param("timeZone", "America/Chicago");
            if (version != null) {
                request.param("version", version);
            }
            assertThat(request.with(csrf()).with(user(admin))).as(String.valueOf(version))
                    .hasStatus(HttpStatus.BAD_REQUEST).bodyText().doesNotContain("Exception");
        }
        assertThat(organization.hospitals(HospitalScope.everything()))
                .extracting(HospitalSummary::name).doesNotContain(name);
    }

    @Test
    void aStaleRenameGetsTheConflictPageAndKeepsTheFirstEdit() {
        long departmentId = place.departmentId();
        long version = organization.departmentVersion(departmentId);
        assertThat(mvc.post().uri("/organization/hospitals/{h}/departments/{d}", place.hospitalId(), departmentId)
                .param("name", "First Name").param("version", String.valueOf(version)).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post().uri("/organization/hospitals/{h}/departments/{d}", place.hospitalId(), departmentId)
                .param("name", "Second Name").param("version", String.valueOf(version)).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.CONFLICT).bodyText().contains("Changed by someone else");
        assertThat(organization.department(departmentId)).get().extracting(DepartmentSummary::name)
                .isEqualTo("First Name");
    }

    @Test
    void aDeactivatedDepartmentKeepsItsPhysicians() {
        long physicianId = fixtures.physician(place.departmentId());
        assertThat(mvc.post().uri("/organization/hospitals/{h}/departments/{d}/active", place.hospitalId(),
                place.departmentId()).param("active", "false").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(organization.department(place.departmentId())).get().extracting(DepartmentSummary::active)
                .isEqualTo(false);
        assertThat(roster.physician(physicianId)).isPresent();
    }

    @Test
    void everyProblemOfTheSettingsFormShowsAtOnceTheRulesBetweenFieldsToo() throws Exception {
        var settings = organization.settings();
        long version = organization.settingsVersion();
        // A blank name (a field's own rule) with an urgent target longer than the ordinary one (a rule
        // between fields, which the program settings hold): both in one submit.
        String page = mvc.post().uri("/admin/settings").param("programName", "")
                .param("matchingPolicy", "ANY").param("assignTargetHours", "24").param("urgentAssignTargetHours", "30")
                .param("firstContactTargetHours", "24").param("urgentTargetHours", "4")
                .param("certificationValidMonths", "24").param("noteRetentionDays", "30")
                .param("surveyMinGroupSize", "5").param("surveyMinFreeTextSize", "10").param("supportersPerDepartment", "2")
                .param("version", String.valueOf(version)).with(csrf()).with(user(admin)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Enter a value.", "The urgent target cannot be longer than the ordinary target.",
                "id=\"urgentAssignTargetHours-error\"");
        assertThat(organization.settings()).isEqualTo(settings);
    }

    @Test
    void settingsRulesAndRangesAreCheckedOnTheForm() {
        var settings = organization.settings();
        long version = organization.settingsVersion();
        assertThat(mvc.post().uri("/admin/settings").param("programName", settings.programName())
                .param("matchingPolicy", "ANY").param("assignTargetHours", "24").param("urgentAssignTargetHours", "2")
                .param("firstContactTargetHours", "24")
                .param("urgentTargetHours", "48").param("certificationValidMonths", "24")
                .param("noteRetentionDays", "30").param("surveyMinGroupSize", "5").param("surveyMinFreeTextSize", "10").param("supportersPerDepartment", "2")
                .param("version", String.valueOf(version)).with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("The urgent target cannot be longer than the ordinary target.");
        assertThat(mvc.post().uri("/admin/settings").param("programName", settings.programName())
                .param("matchingPolicy", "NOT_A_POLICY").param("assignTargetHours", "24").param("urgentAssignTargetHours", "2")
                .param("firstContactTargetHours", "abc")
                .param("urgentTargetHours", "-4").param("certificationValidMonths", "24")
                .param("noteRetentionDays", "30").param("surveyMinGroupSize", "5").param("surveyMinFreeTextSize", "10").param("supportersPerDepartment", "2")
                .param("version", String.valueOf(version)).with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("This value is not valid.");
        assertThat(mvc.post().uri("/admin/settings").param("programName", "x".repeat(500))
                .param("matchingPolicy", "ANY").param("assignTargetHours", "24").param("urgentAssignTargetHours", "2")
                .param("firstContactTargetHours", "24")
                .param("urgentTargetHours", "-4").param("certificationValidMonths", "24")
                .param("noteRetentionDays", "30").param("surveyMinGroupSize", "5").param("surveyMinFreeTextSize", "10").param("supportersPerDepartment", "2")
                .param("version", String.valueOf(version)).with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("Enter a number of at least 1.").contains("Use at most 120 characters.");
        assertThat(organization.settings()).isEqualTo(settings);
    }

    @Test
    void nobodyLowersTheSurveyMinimumsBelowTheirFloors() {
        var settings = organization.settings();
        long version = organization.settingsVersion();
        assertThat(mvc.post().uri("/admin/settings").param("programName", settings.programName())
                .param("matchingPolicy", "ANY").param("assignTargetHours", "24").param("urgentAssignTargetHours", "2")
                .param("firstContactTargetHours", "24")
                .param("urgentTargetHours", "4").param("certificationValidMonths", "24")
                .param("noteRetentionDays", "30").param("surveyMinGroupSize", "2").param("surveyMinFreeTextSize", "2")
                .param("supportersPerDepartment", "2")
                .param("version", String.valueOf(version)).with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText()
                .contains("At least 5: a smaller group could let one person")
                .contains("At least 10: free text is easier to recognise than a tick in a box.");
        assertThat(organization.settings()).isEqualTo(settings);
        assertThat(organization.settings().surveyMinGroupSize()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void roleOfCoordinatorDoesNotOpenSettings() {
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        assertThat(mvc.post().uri("/admin/settings").param("programName", "Taken over").with(csrf())
                .with(user(coordinator))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRosterEmailIsUniqueAndStoredLowerCase() {
        String email = Fixtures.uniqueEmail("unique");
        fixtures.physician(place.departmentId(), email);
        assertThat(mvc.post().uri("/roster/new").param("name", "Dr Twin").param("email", email.toUpperCase())
                .param("departmentId", String.valueOf(place.departmentId())).param("active", "true")
                .param("version", "0").with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("Another physician on the roster has this e-mail.");
    }
}
