package org.peersupport.organization;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may see and change hospitals, departments, the roster and the settings. A coordinator of
 * hospital A who puts hospital B's ids in the URL finds nothing, and changes nothing.
 */
@IntegrationTest
class OrganizationAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterService roster;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    Place a;

    Place b;

    CurrentUser coordinatorOfA;

    long physicianOfB;

    @BeforeEach
    void setUp() {
        a = fixtures.hospital();
        b = fixtures.hospital();
        coordinatorOfA = fixtures.coordinator(a.hospitalId());
        physicianOfB = fixtures.physician(b.departmentId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/roster", "/roster/1", "/roster/export.csv", "/organization/hospitals",
            "/admin/settings", "/admin/accounts", "/roster/import", "/referrals/new", "/account/password"})
    void anonymousVisitorsAreSentToSignIn(String path) {
        assertThat(mvc.get().uri(path)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/crisis"})
    void signInAndCrisisPagesAreOpenToAnyone(String path) {
        assertThat(mvc.get().uri(path)).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/roster", "/organization/hospitals", "/admin/settings", "/admin/accounts",
            "/roster/import", "/admin/accounts/new"})
    void aPhysicianCannotOpenAdministrationPages(String path) {
        CurrentUser physician = fixtures.physicianUser(a.departmentId());
        assertThat(mvc.get().uri(path).with(user(physician))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/settings", "/admin/accounts", "/admin/accounts/new"})
    void aCoordinatorCannotOpenAdministratorPages(String path) {
        assertThat(mvc.get().uri(path).with(user(coordinatorOfA))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aCoordinatorSeesOwnHospitalButNotAnother() {
        assertThat(mvc.get().uri("/organization/hospitals/{id}", a.hospitalId()).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().contains(a.hospitalName());
        assertThat(mvc.get().uri("/organization/hospitals/{id}", b.hospitalId()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND).bodyText().doesNotContain(b.hospitalName());
        assertThat(mvc.get().uri("/organization/hospitals").with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().contains(a.hospitalName()).doesNotContain(b.hospitalName());
    }

    @Test
    void aCoordinatorCannotAddRenameOrDeactivateAnotherHospitalsDepartments() {
        assertThat(mvc.post().uri("/organization/hospitals/{id}/departments", b.hospitalId())
                .param("name", "Intruder").param("version", "0").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/organization/hospitals/{h}/departments/{d}", b.hospitalId(), b.departmentId())
                .param("name", "Renamed").param("version", "0").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        // B's department, reached through A's hospital id: the department must belong to the hospital.
        assertThat(mvc.post().uri("/organization/hospitals/{h}/departments/{d}/active", a.hospitalId(),
                b.departmentId()).param("active", "false").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(organization.departments(b.hospitalId())).singleElement()
                .satisfies(d -> assertThat(d.active()).isTrue())
                .satisfies(d -> assertThat(d.name()).doesNotContain("Renamed"));
    }

    @Test
    void aCoordinatorKeepsTheirOwnHospitalsDepartments() {
        assertThat(mvc.post().uri("/organization/hospitals/{id}/departments", a.hospitalId())
                .param("name", "Palliative Care").param("version", "0").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(organization.departments(a.hospitalId())).extracting(DepartmentSummary::name)
                .contains("Palliative Care");
    }

    @Test
    void onlyAdministratorsCreateOrChangeHospitals() {
        assertThat(mvc.post().uri("/organization/hospitals").param("name", "Coordinator Hospital")
                .param("timeZone", "America/Chicago").param("version", "0").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/organization/hospitals/{id}", a.hospitalId()).param("name", "Renamed")
                .param("timeZone", "America/Chicago").param("version", "0").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/organization/hospitals/{id}/active", a.hospitalId()).param("active", "false")
                .with(csrf()).with(user(coordinatorOfA))).hasStatus(HttpStatus.FORBIDDEN);

        String name = Fixtures.unique("Admin Hospital");
        assertThat(mvc.post().uri("/organization/hospitals").param("name", name).param("timeZone", "Europe/Paris")
                .param("version", "0").with(csrf()).with(user(fixtures.admin()))).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForObject("select time_zone from hospital where name = ?", String.class, name))
                .isEqualTo("Europe/Paris");
    }

    @Test
    void aCoordinatorCannotReadOrChangeAnotherHospitalsRosterRow() {
        assertThat(mvc.get().uri("/roster/{id}", physicianOfB).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/roster/{id}", physicianOfB).param("name", "Changed")
                .param("email", Fixtures.uniqueEmail("changed")).param("departmentId", String.valueOf(a.departmentId()))
                .param("active", "true").param("version", "0").with(csrf()).with(user(coordinatorOfA)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(roster.physician(physicianOfB)).get().satisfies(p -> {
            assertThat(p.name()).doesNotContain("Changed");
            assertThat(p.departmentId()).isEqualTo(b.departmentId());
        });
    }

    @Test
    void aCoordinatorCannotMoveOwnPhysicianIntoAnotherHospital() {
        long physicianOfA = fixtures.physician(a.departmentId());
        var p = roster.physician(physicianOfA).orElseThrow();
        assertThat(mvc.post().uri("/roster/{id}", physicianOfA).param("name", p.name()).param("email", p.email())
                .param("departmentId", String.valueOf(b.departmentId())).param("active", "true")
                .param("version", String.valueOf(roster.version(physicianOfA)))
                .with(csrf()).with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().contains("Choose one of your hospitals");
        assertThat(roster.physician(physicianOfA)).get().extracting(PhysicianSummary::departmentId)
                .isEqualTo(a.departmentId());
    }

    @Test
    void theRosterListAndExportHoldOnlyTheCoordinatorsHospitals() {
        String emailOfB = roster.physician(physicianOfB).orElseThrow().email();
        long physicianOfA = fixtures.physician(a.departmentId());
        String emailOfA = roster.physician(physicianOfA).orElseThrow().email();

        assertThat(mvc.get().uri("/roster").param("q", "@test.example.org").with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().contains(emailOfA).doesNotContain(emailOfB);
        // Asking for hospital B by filter returns nothing either.
        assertThat(mvc.get().uri("/roster").param("hospitalId", String.valueOf(b.hospitalId()))
                .with(user(coordinatorOfA))).hasStatusOk().bodyText().doesNotContain(emailOfB);
        assertThat(mvc.get().uri("/roster/export.csv").with(user(coordinatorOfA)))
                .hasStatusOk().bodyText().contains(emailOfA).doesNotContain(emailOfB);
    }
}
