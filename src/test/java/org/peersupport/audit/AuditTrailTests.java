package org.peersupport.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.organization.OrganizationService;
import org.peersupport.support.Fixtures;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Administrative and security actions are in the audit log: who acted, at which address, on which
 * record, and when; never what they typed. Administrators are trusted with settings, not secrets.
 */
@IntegrationTest
class AuditTrailTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MockMvc rawMvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationService organization;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void account_changes_settings_roster_edits_and_exports_are_audited_without_their_content() {
        CurrentUser admin = fixtures.admin();
        Place place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        CurrentUser someone = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);

        assertThat(mvc.post().uri("/admin/accounts/{id}/disable", someone.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post().uri("/admin/accounts/{id}/link", someone.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(entries(admin)).contains("POST /admin/accounts/{id}/disable " + someone.accountId(),
                "POST /admin/accounts/{id}/link " + someone.accountId());

        String secretName = "Dr Quite Private " + UUID.randomUUID();
        long physician = fixtures.physician(place.departmentId());
        assertThat(mvc.post().uri("/roster/{id}", physician).param("name", secretName)
                .param("email", Fixtures.uniqueEmail("edited")).param("departmentId", String.valueOf(place.departmentId()))
                .param("active", "true").param("version", String.valueOf(jdbc.queryForObject(
                        "select version from physician where id = ?", Long.class, physician)))
                .with(csrf()).with(user(coordinator))).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/roster/export.csv").with(user(coordinator))).hasStatusOk();
        assertThat(entries(coordinator)).contains("POST /roster/{id} " + physician, "GET /roster/export.csv -");

        // A form shown again with errors changed nothing, and is not a change in the log.
        assertThat(mvc.post().uri("/roster/{id}", physician).param("name", "").param("version", "0").with(csrf())
                .with(user(coordinator))).hasStatusOk();
        assertThat(entries(coordinator)).filteredOn(e -> e.startsWith("POST /roster/{id}")).hasSize(1);

        // Nothing typed reaches the log.
        assertThat(jdbc.queryForObject("select count(*) from audit_entry a where row_to_json(a)::text like ?",
                Integer.class, "%" + secretName + "%")).isZero();
    }

    @Test
    void sign_ins_failures_and_lockouts_are_audited_and_the_page_filters_by_person() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        for (int i = 0; i < 5; i++) {
            rawMvc.perform(formLogin("/login").user("email", user.email()).password("password", "wrong " + i));
        }
        List<String> actions = jdbc.queryForList("select action from audit_entry where account_id = ? order by id",
                String.class, user.accountId());
        assertThat(actions).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "SIGN_IN_FAILED", "LOCKED_OUT");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LOCKED_OUT' "
                + "and account_id = ?", Integer.class, user.accountId())).isEqualTo(1);

        CurrentUser other = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        rawMvc.perform(formLogin("/login").user("email", other.email()).password("password", Fixtures.PASSWORD));
        assertThat(jdbc.queryForList("select action from audit_entry where account_id = ?", String.class,
                other.accountId())).contains("SIGN_IN");
        // A physician's sign-in is not kept: its time could point at the referrer of a case received just after.
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        assertThat(rawMvc.perform(formLogin("/login").user("email", physician.email())
                .password("password", Fixtures.PASSWORD)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(jdbc.queryForList("select action from audit_entry where account_id = ?", String.class,
                physician.accountId())).doesNotContain("SIGN_IN");

        // Only administrators read the log, and they can look at one person's entries.
        CurrentUser admin = fixtures.admin();
        assertThat(mvc.get().uri("/admin/audit?accountId={id}", user.accountId()).with(user(admin))).hasStatusOk()
                .bodyText().contains("Locked out").doesNotContain("Signed in<")
                .contains(user.displayName() + " (" + user.accountId() + ")");
        assertThat(mvc.get().uri("/admin/audit").with(user(fixtures.coordinator(fixtures.hospital().hospitalId()))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_page_shows_times_at_a_hospital_not_in_utc() {
        fixtures.hospital();
        fixtures.hospital();
        CurrentUser admin = fixtures.admin();
        CurrentUser someone = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        assertThat(mvc.post().uri("/admin/accounts/{id}/disable", someone.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        java.time.Instant at = jdbc.queryForObject("select max(at) from audit_entry where account_id = ?",
                java.sql.Timestamp.class, admin.accountId()).toInstant();
        java.time.format.DateTimeFormatter shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

        // Test hospitals are in Chicago, so that is the zone most hospitals use, and the default.
        assertThat(mvc.get().uri("/admin/audit?accountId={id}", admin.accountId()).with(user(admin))).hasStatusOk()
                .bodyText().contains(shown.format(at.atZone(Fixtures.ZONE)));
        // Another zone is chosen on the page; a zone no hospital uses is not offered, and falls back.
        organization.createHospital(Fixtures.unique("Atoll hospital"), java.time.ZoneId.of("Pacific/Kiritimati"));
        assertThat(mvc.get().uri("/admin/audit?accountId={id}&zone=Pacific/Kiritimati", admin.accountId())
                .with(user(admin))).hasStatusOk().bodyText()
                .contains(shown.format(at.atZone(java.time.ZoneId.of("Pacific/Kiritimati"))));
        assertThat(mvc.get().uri("/admin/audit?accountId={id}&zone=Europe/Paris", admin.accountId())
                .with(user(admin))).hasStatusOk().bodyText().contains(shown.format(at.atZone(Fixtures.ZONE)));
    }

    @Test
    void what_a_person_does_in_confidence_leaves_no_trace_of_them() {
        Place place = fixtures.hospital();
        CurrentUser physician = fixtures.physicianUser(place.departmentId());
        mvc.post().uri("/s/{token}", "a".repeat(43)).param("q1", "1").with(csrf()).with(user(physician)).exchange();

        // Referring a colleague: the time of the entry would name the referrer of the case received then.
        long colleague = fixtures.physician(place.departmentId());
        assertThat(mvc.post().uri("/referrals/new").param("who", "colleague")
                .param("colleagueId", String.valueOf(colleague)).param("trigger", "BURNOUT").param("danger", "false")
                .param("submissionKey", UUID.randomUUID().toString()).with(csrf()).with(user(physician)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForObject("select count(*) from referral where physician_id = ?", Integer.class,
                colleague)).isEqualTo(1);

        // A supporter's private conflict: that it exists is theirs alone.
        CurrentUser supporter = fixtures.certifiedSupporter(place.departmentId()).user();
        String email = Fixtures.uniqueEmail("friend");
        fixtures.physician(place.departmentId(), email);
        assertThat(mvc.post().uri("/my/training/conflicts").param("colleagueEmail", email).with(csrf())
                .with(user(supporter))).hasStatus(HttpStatus.FOUND);

        assertThat(entries(physician)).isEmpty();
        assertThat(entries(supporter)).isEmpty();
    }

    private List<String> entries(CurrentUser who) {
        return jdbc.queryForList("select action, record_type, record_id from audit_entry where account_id = ? "
                + "order by id", who.accountId()).stream()
                .map((Map<String, Object> e) -> e.get("action") + " " + e.get("record_type") + " " + e.get("record_id"))
                .toList();
    }
}
