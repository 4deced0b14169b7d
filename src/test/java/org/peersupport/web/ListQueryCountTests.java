package org.peersupport.web;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * List pages cost the same number of queries whether they show one row or a full page: no query
 * per row. Counted with Hibernate's statistics, which the integration tests switch on.
 */
@IntegrationTest
class ListQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void theRosterPageDoesNotQueryPerRow() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        fixtures.physician(place.departmentId());
        // One row: the page query and the filters' hospitals and departments; no count is needed.
        assertThat(statementsFor("/roster", coordinator)).isLessThanOrEqualTo(4);
        for (int i = 0; i < 30; i++) {
            fixtures.physician(place.departmentId());
        }
        long full = statementsFor("/roster", coordinator);
        for (int i = 0; i < 30; i++) {
            fixtures.physician(place.departmentId());
        }
        assertThat(statementsFor("/roster?page=1", coordinator)).isEqualTo(full).isLessThanOrEqualTo(5);
    }

    @Test
    void theAccountsPageDoesNotQueryPerRow() {
        CurrentUser admin = fixtures.admin();
        String tag = Fixtures.unique("tag").replace(" ", "");
        fixtures.account(tag + ".first@test.example.org", java.util.EnumSet.of(Role.ADMIN), java.util.Set.of(), null);
        long one = statementsFor("/admin/accounts?q=" + tag, admin);
        for (int i = 0; i < 20; i++) {
            Place place = fixtures.hospital();
            fixtures.account(tag + "." + i + "@test.example.org", java.util.EnumSet.of(Role.COORDINATOR),
                    java.util.Set.of(place.hospitalId()), null);
        }
        long full = statementsFor("/admin/accounts?q=" + tag, admin);
        assertThat(full).isEqualTo(one).isLessThanOrEqualTo(8);
    }

    @Test
    void theHospitalsPageDoesNotQueryPerHospital() {
        CurrentUser admin = fixtures.admin();
        long before = statementsFor("/organization/hospitals", admin);
        for (int i = 0; i < 5; i++) {
            fixtures.hospital();
        }
        assertThat(statementsFor("/organization/hospitals", admin)).isEqualTo(before).isLessThanOrEqualTo(5);
    }

    private long statementsFor(String path, CurrentUser user) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
        return statistics.getPrepareStatementCount();
    }
}
