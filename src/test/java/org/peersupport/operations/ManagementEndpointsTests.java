package org.peersupport.operations;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.Trigger;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Health for the probes, public and terse; every other management endpoint for administrators. */
@IntegrationTest
class ManagementEndpointsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReferralService referrals;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Test
    void liveness_and_readiness_answer_anyone_with_a_status_and_nothing_more() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            MvcTestResult result = mvc.get().uri(probe).exchange();
            assertThat(result).as(probe).hasStatusOk();
            assertThat(result).bodyText().as(probe).isEqualToIgnoringWhitespace("{\"status\":\"UP\"}");
        }
    }

    @Test
    void readiness_asks_the_database() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).as("a database outage is no reason to restart")
                .isFalse();
        MvcTestResult result = mvc.get().uri("/actuator/health").with(user(fixtures.admin())).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("\"db\":{", "\"database\":\"PostgreSQL\"");
    }

    @Test
    void every_other_management_endpoint_is_for_administrators_only() {
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/metrics",
                "/actuator"}) {
            assertThat(mvc.get().uri(endpoint).exchange()).as(endpoint).hasStatus(HttpStatus.FOUND)
                    .redirectedUrl().endsWith("/login");
            assertThat(mvc.get().uri(endpoint).with(user(coordinator)).exchange()).as(endpoint)
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri(endpoint).with(user(fixtures.admin())).exchange()).as(endpoint).hasStatusOk();
        }
    }

    @Test
    void prometheus_shows_the_standard_metrics_and_the_programs_own() throws Exception {
        mvc.get().uri("/login").exchange();
        String metrics = prometheus();
        assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests", "tomcat_sessions",
                "peersupport_referrals_received_total", "peersupport_cases_open", "peersupport_cases_overdue",
                "peersupport_mail_outbox{", "state=\"waiting\"", "state=\"failed\"", "peersupport_events_waiting");
    }

    @Test
    void a_referral_received_is_counted_once_committed() {
        double before = meters.get("peersupport.referrals.received").counter().count();
        double openBefore = meters.get("peersupport.cases.open").gauge().value();
        Place place = fixtures.hospital();
        CurrentUser referrer = fixtures.physicianUser(place.departmentId());
        long colleague = fixtures.physician(place.departmentId());

        referrals.refer(referrer, new NewReferral(colleague, false, false, Trigger.BURNOUT, false, null, false,
                UUID.randomUUID()));

        assertThat(meters.get("peersupport.referrals.received").counter().count()).isEqualTo(before + 1);
        // Other tests may add cases at the same time; this one's case is among them.
        assertThat(meters.get("peersupport.cases.open").gauge().value()).isGreaterThanOrEqualTo(openBefore + 1);
    }

    private String prometheus() throws java.io.UnsupportedEncodingException {
        MvcTestResult result = mvc.get().uri("/actuator/prometheus").with(user(fixtures.admin())).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
