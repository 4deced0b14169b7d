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

    @Autowired
    org.peersupport.survey.CampaignService campaigns;

    @Autowired
    org.peersupport.survey.SurveyTemplateService surveyTemplates;

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

    @Test
    void theSurveysPageDoesNotQueryPerCampaign() {
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        org.peersupport.survey.NewCampaign campaign = new org.peersupport.survey.NewCampaign("Evaluation",
                surveyTemplates.usable().get(0).id(), place.hospitalId(), java.util.List.of(place.departmentId()),
                java.time.LocalDate.now(), java.time.LocalDate.now().plusDays(30));
        campaigns.create(campaign, coordinator.hospitalScope());
        // One row: the page of campaigns with their templates, and the hospitals; no count is needed.
        assertThat(statementsFor("/surveys", coordinator)).isLessThanOrEqualTo(3);
        for (int i = 0; i < 25; i++) {
            campaigns.create(campaign, coordinator.hospitalScope());
        }
        long full = statementsFor("/surveys", coordinator);
        for (int i = 0; i < 20; i++) {
            campaigns.create(campaign, coordinator.hospitalScope());
        }
        assertThat(statementsFor("/surveys?page=1", coordinator)).isEqualTo(full).isLessThanOrEqualTo(4);
    }

    private long statementsFor(String path, CurrentUser user) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        assertThat(mvc.get().uri(path).with(user(user))).hasStatusOk();
        return statistics.getPrepareStatementCount();
    }
}
