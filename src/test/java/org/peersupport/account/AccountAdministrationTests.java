package org.peersupport.account;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The administrator's account pages, through the real forms and database. */
@IntegrationTest
class AccountAdministrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser admin;

    Place place;

    @Autowired
    MockMvc rawMvc;

    @Autowired
    org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        place = fixtures.hospital();
    }

    @Test
    void aPhysicianAccountIsLinkedToItsRosterRowByEmail() {
        String email = Fixtures.uniqueEmail("new.physician");
        long physicianId = fixtures.physician(place.departmentId(), email);
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email.toUpperCase())
                .param("displayName", "Dr New").param("roles", "PHYSICIAN").with(csrf()).with(user(admin))).hasStatus(HttpStatus.FOUND);
        AccountSummary created = accounts.accountByEmail(email).orElseThrow();
        assertThat(created.physicianId()).isEqualTo(physicianId);
        assertThat(created.roles()).containsExactly(Role.PHYSICIAN);
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, created.id()))
                .startsWith("{bcrypt-sha256}$2a$");
    }

    @Test
    void anAdministratorCannotTypeAnotherPersonsPassword() throws Exception {
        // Not when creating an account: no field asks for it, and one sent anyway is ignored.
        assertThat(mvc.get().uri("/admin/accounts/new").with(user(admin))).hasStatusOk().bodyText()
                .doesNotContain("type=\"password\"").contains("one-time link by e-mail");
        String email = Fixtures.uniqueEmail("typed");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Dr Typed")
                .param("password", "an administrator's choice").param("roles", "ADMIN").with(csrf())
                .with(user(admin))).hasStatus(HttpStatus.FOUND);
        assertThat(signsIn(email, "an administrator's choice")).isFalse();

        // Nor on an existing account: the page has no such form, and the old address answers nothing.
        CurrentUser user = fixtures.account(EnumSet.of(Role.SUPPORTER), Set.of(), fixtures.physician(place.departmentId()));
        assertThat(mvc.get().uri("/admin/accounts/{id}", user.accountId()).with(user(admin))).hasStatusOk()
                .bodyText().doesNotContain("type=\"password\"");
        assertThat(mvc.post().uri("/admin/accounts/{id}/password", user.accountId())
                .param("password", "another good passphrase").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(signsIn(user.email(), "another good passphrase")).isFalse();
        assertThat(signsIn(user.email(), Fixtures.PASSWORD)).isTrue();
    }

    private boolean signsIn(String email, String password) throws Exception {
        return "/".equals(rawMvc.perform(SecurityMockMvcRequestBuilders.formLogin("/login").user("email", email)
                .password("password", password)).andReturn().getResponse().getRedirectedUrl());
    }

    @Test
    void rulesOnRolesBecomeFieldErrors() {
        String email = Fixtures.uniqueEmail("nobody.on.roster");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "No Roster")
                .param("roles", "SUPPORTER").with(csrf())
                .with(user(admin))).hasStatusOk().bodyText().contains("There is no physician with this e-mail");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Coord")
                .param("roles", "COORDINATOR").with(csrf())
                .with(user(admin))).hasStatusOk().bodyText().contains("Choose the hospitals this coordinator works for");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Coord")
                .param("roles", "COORDINATOR")
                .param("hospitalIds", "987654321").with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("One of the chosen hospitals does not exist");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Nothing")
                .with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("Choose at least one role.");
        assertThat(accounts.accountByEmail(email)).isEmpty();
    }

    @Test
    void everyProblemOfTheNewAccountFormShowsAtOnceTheAccountsRulesToo() throws Exception {
        String taken = fixtures.coordinator(place.hospitalId()).email();
        // A blank name (the form's rule), an e-mail already in use and a coordinator without a
        // hospital (the account's rules): all three in one submit, each next to its field.
        String page = mvc.post().uri("/admin/accounts/new").param("email", taken).param("displayName", "")
                .param("roles", "COORDINATOR").with(csrf()).with(user(admin)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"displayName-error\"", "id=\"email-error\"", "id=\"hospitalIds-error\"",
                "An account with this e-mail already exists.", "Choose the hospitals this coordinator works for.");
        // The same rules when the form itself is fine: still all at once, and no account made.
        String email = Fixtures.uniqueEmail("nobody.on.roster");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Two Problems")
                .param("roles", "COORDINATOR", "SUPPORTER").with(csrf()).with(user(admin))).hasStatusOk().bodyText()
                .contains("Choose the hospitals this coordinator works for.",
                        "There is no physician with this e-mail in the roster.");
        assertThat(accounts.accountByEmail(email)).isEmpty();
    }

    @Test
    void anAccountWhoseInvitationTheMailServerDidNotTakeIsMadeWithAWarningNotASuccess() throws Exception {
        String email = Fixtures.uniqueEmail("not.mailed");
        fixtures.physician(place.departmentId(), email);
        int port = mailSender.getPort();
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        // No mail server where the app sends, for this one request.
        mailSender.setPort(closed);
        MvcTestResult result;
        try {
            result = mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Dr Not Mailed")
                    .param("roles", "PHYSICIAN").with(csrf()).with(user(admin)).exchange();
        }
        finally {
            mailSender.setPort(port);
        }
        AccountSummary created = accounts.accountByEmail(email).orElseThrow();
        assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/accounts/" + created.id());
        assertThat((java.util.Map<String, Object>) result.getMvcResult().getFlashMap()).containsEntry("flashWarning", "account.notMailed").doesNotContainKey("flash");
        assertThat(TestMail.to(email)).isEmpty();
        // The page after the redirect shows it in a warning box: AdminJourneyBrowserTest.
    }

    @Test
    void aCoordinatorKeepsHospitalScopesAndOthersDoNot() {
        CurrentUser user = fixtures.account(EnumSet.of(Role.COORDINATOR), Set.of(place.hospitalId()), null);
        AccountSummary before = accounts.account(user.accountId());
        assertThat(before.hospitalIds()).containsExactly(place.hospitalId());
        assertThat(mvc.post().uri("/admin/accounts/{id}", user.accountId()).param("email", user.email())
                .param("displayName", "Now an admin").param("roles", "ADMIN")
                .param("hospitalIds", String.valueOf(place.hospitalId()))
                .param("version", String.valueOf(before.version())).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        AccountSummary after = accounts.account(user.accountId());
        assertThat(after.roles()).containsExactly(Role.ADMIN);
        assertThat(after.hospitalIds()).isEmpty();
        assertThat(after.displayName()).isEqualTo("Now an admin");
    }

    @Test
    void aStaleEditGetsTheChangedBySomeoneElsePage() {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        long version = accounts.account(user.accountId()).version();
        accounts.changeAccess(user.accountId(), "First edit", EnumSet.of(Role.ADMIN), Set.of(), null, version,
                admin.accountId());
        assertThat(mvc.post().uri("/admin/accounts/{id}", user.accountId()).param("email", user.email())
                .param("displayName", "Second edit").param("roles", "ADMIN").param("version", String.valueOf(version))
                .with(csrf()).with(user(admin))).hasStatus(HttpStatus.CONFLICT)
                .bodyText().contains("Changed by someone else");
        assertThat(accounts.account(user.accountId()).displayName()).isEqualTo("First edit");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        assertThat(mvc.post().uri("/admin/accounts/{id}/disable", admin.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.account(admin.accountId()).enabled()).isTrue();
        AccountSummary self = accounts.account(admin.accountId());
        assertThat(mvc.post().uri("/admin/accounts/{id}", admin.accountId()).param("email", admin.email())
                .param("displayName", "Me").param("roles", "COORDINATOR")
                .param("hospitalIds", String.valueOf(place.hospitalId()))
                .param("version", String.valueOf(self.version())).with(csrf()).with(user(admin)))
                .hasStatusOk().bodyText().contains("You cannot remove your own administrator role.");
    }

    @Test
    void disableAndEnableWorkFromThePage() {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        assertThat(mvc.post().uri("/admin/accounts/{id}/disable", user.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.account(user.accountId()).enabled()).isFalse();
        assertThat(mvc.post().uri("/admin/accounts/{id}/enable", user.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.account(user.accountId()).enabled()).isTrue();
    }

    @Test
    void unknownAccountsAreNotFound() {
        assertThat(mvc.get().uri("/admin/accounts/{id}", 987654321L).with(user(admin))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/admin/accounts/{id}/disable", 987654321L).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        assertThat(mvc.post().uri("/admin/accounts/{id}/disable", user.accountId()).with(user(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(accounts.account(user.accountId()).enabled()).isTrue();
    }

    @Test
    void aPersonChangesTheirOwnPassword() {
        CurrentUser user = fixtures.physicianUser(place.departmentId());
        assertThat(mvc.post().uri("/account/password").param("currentPassword", "wrong one entirely")
                .param("newPassword", "my new passphrase").with(csrf()).with(user(user)))
                .hasStatusOk().bodyText().contains("Your current password is not right.");
        assertThat(mvc.post().uri("/account/password").param("currentPassword", Fixtures.PASSWORD)
                .param("newPassword", "my new passphrase").with(csrf()).with(user(user)))
                .hasStatus(HttpStatus.FOUND);
    }
}
