package org.peersupport.account;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.peersupport.support.Fixtures;
import org.peersupport.support.TestMail;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Sign-in through the real form: one message for every failure, session handling (pauses: SignInThrottleTests). */
@IntegrationTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordLinks links;

    @Test
    void longAndNonAsciiPasswordsWorkToTheirLastCharacter() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        String longest = "é".repeat(127) + "x";
        accounts.changeOwnPassword(user.accountId(), Fixtures.PASSWORD, longest);
        assertThat(signIn(user.email(), longest)).isEqualTo("/");
        // BCrypt alone would stop reading after 72 bytes; the last character must still count.
        assertThat(signIn(user.email(), "é".repeat(127) + "y")).isEqualTo("/login?error");
    }

    @Test
    void everyFailureLooksTheSameSoNoOneLearnsWhichEmailsExist() throws Exception {
        CurrentUser disabled = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        jdbc.update("update account set enabled = false where id = ?", disabled.accountId());
        CurrentUser known = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);

        assertThat(signIn(Fixtures.uniqueEmail("nobody"), Fixtures.PASSWORD)).isEqualTo("/login?error");
        assertThat(signIn(known.email(), "not the password")).isEqualTo("/login?error");
        assertThat(signIn(disabled.email(), Fixtures.PASSWORD)).isEqualTo("/login?error");

        String page = mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sign-in failed. Check your e-mail and password.")
                .doesNotContainIgnoringCase("locked").doesNotContainIgnoringCase("disabled")
                .doesNotContainIgnoringCase("unknown");
    }

    @Test
    void signingInStartsANewSession() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        MockHttpSession before = new MockHttpSession();
        before.setAttribute("seen", true);
        MvcResult result = mvc.perform(post("/login").param("email", user.email())
                .param("password", Fixtures.PASSWORD).with(csrf()).session(before)).andReturn();
        HttpSession after = result.getRequest().getSession(false);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(before.getId());
        assertThat(before.isInvalid()).isTrue();
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        CurrentUser admin = fixtures.admin();
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        MockHttpSession session = signedInSession(user);
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        accounts.disable(user.accountId(), admin.accountId());

        MvcResult next = mvc.perform(get("/").session(session)).andReturn();
        assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(signIn(user.email(), Fixtures.PASSWORD)).isEqualTo("/login?error");
    }

    @Test
    void resettingAPasswordOrChangingRolesEndsOpenSessions() throws Exception {
        CurrentUser admin = fixtures.admin();
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        MockHttpSession first = signedInSession(user);
        links.send(user.accountId(), false);
        links.setPassword(TestMail.passwordLinkToken(user.email()), "a brand new passphrase");
        assertThat(mvc.perform(get("/").session(first)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");

        MockHttpSession second = signedInSession(user, "a brand new passphrase");
        AccountSummary summary = accounts.account(user.accountId());
        accounts.changeAccess(user.accountId(), summary.displayName(), EnumSet.of(Role.COORDINATOR),
                Set.of(fixtures.hospital().hospitalId()), null, summary.version(), admin.accountId());
        assertThat(mvc.perform(get("/").session(second)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
    }

    private String signIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user("email", email).password("password", password)).andReturn()
                .getResponse().getRedirectedUrl();
    }

    private MockHttpSession signedInSession(CurrentUser user) throws Exception {
        return signedInSession(user, Fixtures.PASSWORD);
    }

    private MockHttpSession signedInSession(CurrentUser user, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("email", user.email()).password("password", password))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
