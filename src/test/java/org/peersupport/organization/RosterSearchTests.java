package org.peersupport.organization;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster search: words, filters and the caller's hospitals, in name order, page by page. */
@IntegrationTest
class RosterSearchTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RosterService roster;

    @Autowired
    OrganizationService organization;

    @Test
    void everyWordMustMatchTheNameOrTheEmailAndWildcardsAreLiteral() {
        Place place = fixtures.hospital();
        String tag = Fixtures.unique("w").replaceAll("[^A-Za-z0-9]", "");
        long alex = add(place.departmentId(), "Alex Garcia " + tag, tag + ".alex@test.example.org", true);
        add(place.departmentId(), "Alex Smith " + tag, tag + ".smith@test.example.org", true);
        long percent = add(place.departmentId(), "Dana 100% " + tag, tag + ".dana@test.example.org", true);
        HospitalScope scope = HospitalScope.of(Set.of(place.hospitalId()));

        assertThat(ids(search("garcia al " + tag, null, null, scope))).containsExactly(alex);
        assertThat(ids(search(tag + ".alex", null, null, scope))).as("the e-mail").containsExactly(alex);
        assertThat(ids(search("100% " + tag, null, null, scope))).containsExactly(percent);
        assertThat(ids(search("1_0 " + tag, null, null, scope))).as("_ is a letter, not a wildcard").isEmpty();
        assertThat(search(tag, null, null, scope).getContent()).extracting(PhysicianSummary::name)
                .as("in name order").containsExactly("Alex Garcia " + tag, "Alex Smith " + tag, "Dana 100% " + tag);
    }

    @Test
    void filtersAndTheCallersHospitalsNarrowTheRosterAndTheCountFollows() {
        Place place = fixtures.hospital();
        Place other = fixtures.hospital();
        long second = organization.createDepartment(place.hospitalId(), Fixtures.unique("Department"),
                HospitalScope.everything());
        String tag = Fixtures.unique("f").replaceAll("[^A-Za-z0-9]", "");
        for (int i = 0; i < 7; i++) {
            add(place.departmentId(), "Active " + i + " " + tag, null, true);
        }
        long inactive = add(place.departmentId(), "Inactive " + tag, null, false);
        long elsewhere = add(second, "Second " + tag, null, true);
        long otherHospital = add(other.departmentId(), "Other " + tag, null, true);
        HospitalScope coordinator = HospitalScope.of(Set.of(place.hospitalId()));

        Page<PhysicianSummary> firstPage = roster.search(new RosterQuery(tag, null, null, null), coordinator,
                PageRequest.of(0, 4));
        assertThat(firstPage.getTotalElements()).as("counted: the page is full").isEqualTo(9);
        assertThat(firstPage.getContent()).hasSize(4);
        Page<PhysicianSummary> lastPage = roster.search(new RosterQuery(tag, null, null, null), coordinator,
                PageRequest.of(2, 4));
        assertThat(lastPage.getTotalElements()).isEqualTo(9);
        assertThat(ids(lastPage)).containsExactly(elsewhere);

        assertThat(ids(search(tag, null, Boolean.FALSE, coordinator))).containsExactly(inactive);
        assertThat(ids(search(tag, second, null, coordinator))).containsExactly(elsewhere);
        assertThat(ids(search(tag, null, null, coordinator))).doesNotContain(otherHospital);
        assertThat(roster.search(new RosterQuery(tag, other.hospitalId(), null, null), coordinator,
                PageRequest.of(0, 25))).as("another hospital, asked for by name").isEmpty();
        assertThat(ids(search(tag, null, null, HospitalScope.everything()))).contains(otherHospital, inactive);
        assertThat(search(tag, null, null, HospitalScope.none())).isEmpty();
    }

    private long add(long departmentId, String name, String email, boolean active) {
        return roster.add(new PhysicianDetails(name, email == null ? Fixtures.uniqueEmail("physician") : email, null,
                departmentId, "Internal Medicine", null, active), HospitalScope.everything());
    }

    private Page<PhysicianSummary> search(String text, Long departmentId, Boolean active, HospitalScope scope) {
        return roster.search(new RosterQuery(text, null, departmentId, active), scope, PageRequest.of(0, 25));
    }

    private static java.util.List<Long> ids(Page<PhysicianSummary> page) {
        return page.getContent().stream().map(PhysicianSummary::id).toList();
    }
}
