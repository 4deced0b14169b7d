package org.peersupport.reporting;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.CertifiedSupporter;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The coordinator's home page as a work queue: each count covers the coordinator's hospitals only,
 * and opens a list of exactly what it counts. The navigation carries the same counts as badges.
 * Physicians and supporters see neither.
 */
@IntegrationTest
class WorkQueueTests {

    private static final Pattern TILE = Pattern.compile(
            "<a class=\"work-tile[^\"]*\" href=\"([^\"]+)\">\\s*<span class=\"value\">(\\d+)</span> <span>([^<]+)</span>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    Place place;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        place = fixtures.hospital();
        coordinator = fixtures.coordinator(place.hospitalId());
    }

    @Test
    void each_count_opens_a_list_of_exactly_what_it_counts_in_the_coordinators_hospitals_only() throws Exception {
        ProgramSettingsView settings = organization.settings();
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        referral(place, "NEW", false, Duration.ZERO, null);
        referral(place, "NEW", true, Duration.ZERO, null);
        referral(place, "NEW", false, settings.assignTarget(false).plusHours(1), null);
        referral(place, "NEW", true, settings.assignTarget(true).plusMinutes(5), null);
        referral(place, "ASSIGNED", false, Duration.ofHours(1), supporter.id());
        UUID late = referral(place, "ASSIGNED", false, Duration.ofDays(3), supporter.id());
        jdbc.update("update referral set due_at = ? where id = ?", Timestamp.from(fixtures.now().minusSeconds(60)),
                late);
        // A certificate that runs out in ten days.
        CertifiedSupporter expiring = fixtures.certifiedSupporter(place.departmentId());
        jdbc.update("update supporter set certified_on = ? where id = ?", java.sql.Date.valueOf(fixtures.today()
                .minusMonths(settings.certificationValidMonths()).plusDays(10)), expiring.id());
        // Two escalations waiting, of which one is acknowledged; one from before acknowledgements.
        escalation(place, supporter, true);
        UUID handled = escalation(place, supporter, true);
        jdbc.update("delete from escalation_pending where interaction_id = ?", handled);
        jdbc.update("insert into escalation_acknowledgement (interaction_id, account_id, acknowledged_at, note)"
                + " values (?, ?, ?, 'Done')", handled, coordinator.accountId(), Timestamp.from(fixtures.now()));
        escalation(place, supporter, false);
        // Another hospital's work, which this coordinator must not learn of.
        Place elsewhere = fixtures.hospital();
        CertifiedSupporter there = fixtures.certifiedSupporter(elsewhere.departmentId());
        for (int i = 0; i < 3; i++) {
            referral(elsewhere, "NEW", true, settings.assignTarget(false).plusHours(2), null);
            escalation(elsewhere, there, true);
        }

        String home = page("/");
        assertThat(home).contains("Needs your attention");
        int tiles = 0;
        Matcher tile = TILE.matcher(home);
        while (tile.find()) {
            tiles++;
            String href = tile.group(1).replace("&amp;", "&");
            long count = Long.parseLong(tile.group(2));
            assertThat(count).as(tile.group(3)).isEqualTo(switch (tile.group(3)) {
                case "new referrals" -> 4;
                case "urgent, not yet assigned" -> 2;
                case "waiting past the assignment target" -> 2;
                case "first contact overdue" -> 1;
                case "escalations not yet acknowledged" -> 1;
                case "certifications expiring within 60 days" -> 1;
                // The hospital's one department has two active certified supporters, the target
                // is the program's: covered when it is two or fewer.
                case "departments below the coverage target" -> settings.supportersPerDepartment() > 2 ? 1 : 0;
                default -> throw new AssertionError("an unexpected count: " + tile.group(3));
            });
            String list = page(href);
            assertThat(list).as(href).doesNotContain(elsewhere.hospitalName());
            if (href.startsWith("/triage")) {
                assertThat(rows(list, "<a href=\"/triage/")).as(href).isEqualTo(count);
            }
            else if (href.startsWith("/supporters")) {
                assertThat(rows(list, "<a href=\"/supporters/")).as(href).isEqualTo(count);
            }
            else if (href.startsWith("/escalations")) {
                assertThat(rows(list, "/acknowledge\">")).as(href).isEqualTo(count);
            }
        }
        assertThat(tiles).isEqualTo(7);

        // The navigation: the new cases and the late first contact beside "Triage"; the expiring
        // certificate beside "Supporters"; the escalation waiting beside "Escalations" and on the
        // menu that holds it, on every page.
        assertThat(page("/supporters")).containsPattern(
                "Triage</span>\\s*<span class=\"badge[^\"]*\">5</span><span\\s+class=\"visually-hidden\"> need a coordinator")
                .containsPattern("Supporters</span>\\s*<span class=\"badge[^\"]*\">1</span>")
                .containsPattern("Program</span>\\s*<span class=\"badge[^\"]*\">1</span><span\\s+class=\"visually-hidden\">"
                        + " escalations not yet acknowledged")
                .containsPattern("Escalations</span>\\s*<span class=\"badge[^\"]*\">1</span>");
    }

    @Test
    void nothing_to_do_is_shown_as_zero_and_no_badge() throws Exception {
        String home = page("/");
        assertThat(home).contains("work-tile").doesNotContain("work-tile-danger", "work-tile-primary");
        assertThat(home).doesNotContain("need a coordinator", "certifications expiring<", "rounded-pill");
    }

    @Test
    void physicians_and_supporters_see_no_work_queue_and_no_badges() {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        referral(place, "NEW", true, Duration.ofDays(5), null);
        for (CurrentUser user : new CurrentUser[] {supporter.user(), fixtures.physicianUser(place.departmentId())}) {
            assertThat(mvc.get().uri("/").with(user(user))).hasStatusOk().bodyText()
                    .doesNotContain("Needs your attention", "work-tile", "need a coordinator");
        }
    }

    @Test
    void a_supporters_home_says_what_waits_for_them_and_names_nobody() throws Exception {
        CertifiedSupporter supporter = fixtures.certifiedSupporter(place.departmentId());
        UUID first = referral(place, "ASSIGNED", false, Duration.ofHours(1), supporter.id());
        referral(place, "ASSIGNED", true, Duration.ofHours(2), supporter.id());
        jdbc.update("update referral set due_at = ? where id = ?",
                Timestamp.from(fixtures.now().plus(Duration.ofHours(5)).plusSeconds(30)), first);
        // A follow-up due today on the first case, from an earlier contact.
        jdbc.update("insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, referral_id,"
                + " occurred_at, mode, minutes, outcome, red_flag, follow_up_on, logged_at)"
                + " select ?, hospital_id, department_id, physician_id, supporter_id, id, ?, 'PHONE', 10, 'NO_RESPONSE',"
                + " false, ?, ? from referral where id = ?", UUID.randomUUID(),
                Timestamp.from(fixtures.now().minus(Duration.ofDays(2))), java.sql.Date.valueOf(fixtures.today()),
                Timestamp.from(fixtures.now().minus(Duration.ofDays(2))), first);

        String home = mvc.get().uri("/").with(user(supporter.user())).exchange().getResponse().getContentAsString();
        assertThat(home).contains("id=\"supporter-work\"", "cases waiting for your first contact, the first",
                "due in 5 h", "follow-up due today", "Certified until")
                .doesNotContain("Needs your attention");
        List<String> names = jdbc.queryForList("select p.name from referral r join physician p"
                + " on p.id = r.physician_id where r.supporter_id = ?", String.class, supporter.id());
        assertThat(names).hasSize(2).allSatisfy(name -> assertThat(home).doesNotContain(name));
        // Counts only: the home page writes no audit entry for the supporter.
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ?", Integer.class,
                supporter.user().accountId())).isZero();
    }

    private String page(String path) throws Exception {
        return mvc.get().uri(path).with(user(coordinator)).exchange().getResponse().getContentAsString();
    }

    private static long rows(String page, String link) {
        return Pattern.compile(Pattern.quote(link)).matcher(page).results().count();
    }

    private UUID escalation(Place at, CertifiedSupporter by, boolean pending) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into interaction (id, hospital_id, department_id, physician_id, supporter_id, occurred_at,"
                + " mode, minutes, outcome, red_flag, escalation_action, logged_at)"
                + " values (?, ?, ?, ?, ?, ?, 'PHONE', 20, 'CONNECTED', true, 'ADVISED', ?)", id, at.hospitalId(),
                at.departmentId(), fixtures.physician(at.departmentId()), by.id(), Timestamp.from(fixtures.now()),
                Timestamp.from(fixtures.now()));
        if (pending) {
            jdbc.update("insert into escalation_pending (interaction_id, hospital_id) values (?, ?)", id,
                    at.hospitalId());
        }
        return id;
    }

    private UUID referral(Place at, String status, boolean urgent, Duration age, Long supporterId) {
        UUID id = UUID.randomUUID();
        long physician = fixtures.physician(at.departmentId());
        jdbc.update("insert into referral (id, hospital_id, department_id, physician_id, source, trigger_kind, urgent,"
                + " status, supporter_id, assigned_at, due_at, created_at)"
                + " values (?, ?, ?, ?, 'COLLEAGUE', 'BURNOUT', ?, ?, ?, ?, ?, ?)", id, at.hospitalId(),
                at.departmentId(), physician, urgent, status, supporterId,
                supporterId == null ? null : Timestamp.from(fixtures.now()),
                supporterId == null ? null : Timestamp.from(fixtures.now().plus(Duration.ofHours(24))),
                Timestamp.from(fixtures.now().minus(age)));
        return id;
    }
}
