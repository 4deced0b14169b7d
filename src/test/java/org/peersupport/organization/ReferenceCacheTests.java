package org.peersupport.organization;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.resource.ResourceView;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Hospitals, departments, settings and resources come from the reference cache, and a change is
 * never hidden by it: on this instance the next page shows it, a rolled-back change is never
 * cached, and a change made behind the app's back (a script, psql) shows within two seconds.
 * {@code TwoInstancesTests} shows the same across instances.
 */
@IntegrationTest
class ReferenceCacheTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    ResourceService resources;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EntityManager entityManager;

    @Test
    void referenceDataIsReadOnceAndThenFromTheCache() {
        Place place = fixtures.hospital();
        organization.hospitals(HospitalScope.everything());
        organization.departments(HospitalScope.of(java.util.Set.of(place.hospitalId())));
        organization.settings();
        resources.allCrisisLines();
        StatementCounter.reset();
        for (int i = 0; i < 3; i++) {
            assertThat(organization.hospital(place.hospitalId())).get().extracting(HospitalSummary::name)
                    .isEqualTo(place.hospitalName());
            assertThat(organization.departments(place.hospitalId())).extracting(DepartmentSummary::id)
                    .containsExactly(place.departmentId());
            assertThat(organization.department(place.departmentId())).isPresent();
            organization.settings();
            resources.allCrisisLines();
        }
        // department(id) has a key of its own, read once; everything else was already cached.
        assertThat(StatementCounter.count()).isLessThanOrEqualTo(1);
    }

    @Test
    void aRenameShowsOnTheNextPageOfThisInstance() {
        Place place = fixtures.hospital();
        CurrentUser admin = fixtures.admin();
        assertThat(mvc.get().uri("/organization/hospitals").with(user(admin))).hasStatusOk().bodyText()
                .contains(place.hospitalName());
        String renamed = Fixtures.unique("Renamed");
        assertThat(mvc.post().uri("/organization/hospitals/{id}", place.hospitalId()).param("name", renamed)
                .param("timeZone", Fixtures.ZONE.getId()).param("version", "0").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/organization/hospitals").with(user(admin))).hasStatusOk().bodyText()
                .contains(renamed).doesNotContain(place.hospitalName());
        assertThat(organization.departments(place.hospitalId())).extracting(DepartmentSummary::hospitalName)
                .containsOnly(renamed);
    }

    @Test
    void aSettingsChangeShowsOnTheNextPageOfThisInstance() {
        CurrentUser admin = fixtures.admin();
        Versioned<ProgramSettingsView> before = organization.settingsToEdit();
        assertThat(mvc.get().uri("/").with(user(admin))).hasStatusOk().bodyText()
                .contains(before.value().programName());
        String name = Fixtures.unique("Program");
        organization.changeSettings(withName(before.value(), name), before.version());
        try {
            assertThat(mvc.get().uri("/").with(user(admin))).hasStatusOk().bodyText().contains(name);
        }
        finally {
            organization.changeSettings(before.value(), organization.settingsVersion());
        }
        assertThat(organization.settings()).isEqualTo(before.value());
    }

    @Test
    void aRolledBackChangeIsNeverCached() {
        Place place = fixtures.hospital();
        assertThat(organization.hospital(place.hospitalId())).get().extracting(HospitalSummary::name)
                .isEqualTo(place.hospitalName());
        String uncommitted = Fixtures.unique("Uncommitted");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long version = organization.hospitalToEdit(place.hospitalId(), HospitalScope.everything()).version();
            organization.changeHospital(place.hospitalId(), uncommitted, Fixtures.ZONE, version);
            long department = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"),
                    HospitalScope.everything());
            entityManager.flush();
            // The changing transaction reads its own change, around the cache.
            assertThat(organization.hospital(place.hospitalId())).get().extracting(HospitalSummary::name)
                    .isEqualTo(uncommitted);
            assertThat(organization.departments(place.hospitalId())).extracting(DepartmentSummary::id)
                    .contains(department);
            tx.setRollbackOnly();
        });
        assertThat(organization.hospital(place.hospitalId())).get().extracting(HospitalSummary::name)
                .isEqualTo(place.hospitalName());
        assertThat(organization.departments(place.hospitalId())).extracting(DepartmentSummary::id)
                .containsExactly(place.departmentId());
        assertThat(mvc.get().uri("/organization/hospitals").with(user(fixtures.admin()))).hasStatusOk().bodyText()
                .contains(place.hospitalName()).doesNotContain(uncommitted);
    }

    @Test
    void aResourceChangeShowsAtOnce() {
        Place place = fixtures.hospital();
        String name = Fixtures.unique("Line");
        ResourceDetails details = new ResourceDetails(place.hospitalId(), name, ResourceKind.CRISIS_LINE,
                "555-0100", null, "Always", 1, true);
        assertThat(resources.crisisLines(List.of(place.hospitalId()))).extracting(ResourceView::name)
                .doesNotContain(name);
        long id = resources.add(details, HospitalScope.everything());
        assertThat(resources.crisisLines(List.of(place.hospitalId()))).extracting(ResourceView::name).contains(name);
        assertThat(mvc.get().uri("/crisis")).hasStatusOk().bodyText().contains(name);

        String renamed = Fixtures.unique("Line");
        resources.change(id, new ResourceDetails(place.hospitalId(), renamed, ResourceKind.CRISIS_LINE, "555-0100",
                null, "Always", 1, false), resources.resource(id, HospitalScope.everything()).version(),
                HospitalScope.everything());
        assertThat(resources.crisisLines(List.of(place.hospitalId()))).extracting(ResourceView::name)
                .as("no longer in use").doesNotContain(name, renamed);
        assertThat(resources.names(List.of(id))).containsEntry(id, renamed);
    }

    @Test
    void aChangeMadeBehindTheAppsBackShowsWithinTwoSeconds() {
        Place place = fixtures.hospital();
        assertThat(organization.hospital(place.hospitalId())).get().extracting(HospitalSummary::name)
                .isEqualTo(place.hospitalName());
        String renamed = Fixtures.unique("Renamed by script");
        jdbc.update("update hospital set name = ? where id = ?", renamed, place.hospitalId());
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(organization.hospital(place.hospitalId())).get().extracting(HospitalSummary::name)
                        .isEqualTo(renamed));
    }

    private static ProgramSettingsView withName(ProgramSettingsView s, String name) {
        return new ProgramSettingsView(name, s.matchingPolicy(), s.assignTargetHours(), s.urgentAssignTargetHours(),
                s.firstContactTargetHours(), s.urgentTargetHours(),
                s.certificationValidMonths(), s.noteRetentionDays(), s.surveyMinGroupSize(), s.surveyMinFreeTextSize(),
                s.supportersPerDepartment());
    }
}
