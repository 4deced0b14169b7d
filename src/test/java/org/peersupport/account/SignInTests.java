package org.peersupport.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.peersupport.account.security.AccountSessions;
import org.peersupport.support.Fixtures;
import org.peersupport.support.TestMail;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
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

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    AccountSessions accountSessions;

    @Test
    void longAndNonAsciiPasswordsWorkToTheirLastCharacter() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        String longest = "é".repeat(127) + "x";
        accounts.changeOwnPassword(user.accountId(), Fixtures.PASSWORD, longest, "no session");
        assertThat(signIn(user.email(), longest)).as("the password is right: on to the second step")
                .isEqualTo("/login/second-factor");
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
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("the sign-in page keeps its CSRF token in a session").isNotNull();
        MvcResult result = mvc.perform(post("/login").param("email", user.email())
                .param("password", Fixtures.PASSWORD).with(csrf()).cookie(before)).andReturn();
        Cookie pending = result.getResponse().getCookie("SESSION");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        assertThat(pending).isNotNull();
        assertThat(pending.getValue()).isNotEqualTo(before.getValue());
        assertThat(sessions.findById(sessionId(before))).as("the session from before sign-in is gone").isNull();

        MvcResult second = secondStep(user, pending);
        Cookie after = second.getResponse().getCookie("SESSION");
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(after.getValue()).as("and a new one again once signed in").isNotEqualTo(pending.getValue());
        assertThat(sessions.findById(sessionId(pending))).isNull();
        assertThat(mvc.perform(get("/").cookie(after)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        CurrentUser admin = fixtures.admin();
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        Cookie session = signedInSession(user);
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        accounts.disable(user.accountId(), admin.accountId());

        MvcResult next = mvc.perform(get("/").cookie(session)).andReturn();
        assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(signIn(user.email(), Fixtures.PASSWORD)).isEqualTo("/login?error");
    }

    @Test
    void resettingAPasswordOrChangingRolesEndsOpenSessions() throws Exception {
        CurrentUser admin = fixtures.admin();
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        Cookie first = signedInSession(user);
        links.send(user.accountId(), false);
        links.setPassword(TestMail.passwordLinkToken(user.email()), "a brand new passphrase");
        assertThat(mvc.perform(get("/").cookie(first)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");

        Cookie second = signedInSession(user, "a brand new passphrase");
        AccountSummary summary = accounts.account(user.accountId());
        accounts.changeAccess(user.accountId(), summary.displayName(), EnumSet.of(Role.COORDINATOR),
                Set.of(fixtures.hospital().hospitalId()), null, summary.version(), admin.accountId());
        assertThat(mvc.perform(get("/").cookie(second)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        Cookie phone = signedInSession(user);
        Cookie desk = signedInSession(user);
        MvcResult changed = mvc.perform(post("/account/password").cookie(desk).with(csrf())
                .param("currentPassword", Fixtures.PASSWORD).param("newPassword", "another brand new passphrase"))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/").cookie(desk)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/").cookie(phone)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        Cookie session = signedInSession(user);
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        signedInAt(session, fixtures.now().minus(Duration.ofHours(11)).minus(Duration.ofMinutes(59)));
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        signedInAt(session, fixtures.now().minus(Duration.ofHours(12)));
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
        assertThat(sessions.findById(sessionId(session))).isNull();
    }

    @Test
    void aSessionsLastAccessIsWrittenOnceAMinuteNotAtEveryPage() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        Cookie session = signedInSession(user);
        String id = sessionId(session);
        long signedIn = lastAccess(id);

        // Pages within the minute leave the row as it is: no write, no commit.
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/triage").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(lastAccess(id)).isEqualTo(signedIn);

        // Once the stored access is a minute old, the next page moves it, and the idle timeout with it.
        // (Spring Session's times are the JVM's own, not the app clock's: the sign-in's is the reference.)
        long minuteAgo = signedIn - Duration.ofSeconds(61).toMillis();
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000 "
                + "where session_id = ?", minuteAgo, minuteAgo, id);
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(lastAccess(id)).isGreaterThanOrEqualTo(signedIn);
        assertThat(jdbc.queryForObject("select expiry_time - last_access_time from spring_session where session_id = ?",
                Long.class, id)).isEqualTo(Duration.ofMinutes(30).toMillis());

        // A change to the session is written at once, whatever the time: here, the account's sessions ended.
        accountSessions.endAll(user.accountId());
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?ended");
    }

    private long lastAccess(String sessionId) {
        return jdbc.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
                sessionId);
    }

    @Test
    void theLibraryCleansUpExpiredSessions() throws Exception {
        CurrentUser user = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        Cookie expired = signedInSession(user);
        Cookie current = signedInSession(user);
        jdbc.update("update spring_session set expiry_time = 0 where session_id = ?", sessionId(expired));

        ((JdbcIndexedSessionRepository) sessions).cleanUpExpiredSessions();

        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                sessionId(expired))).isZero();
        assertThat(mvc.perform(get("/").cookie(expired)).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
        assertThat(mvc.perform(get("/").cookie(current)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private void signedInAt(Cookie cookie, Instant instant) {
        save(sessions, sessionId(cookie), instant);
    }

    private static <S extends Session> void save(FindByIndexNameSessionRepository<S> repository, String id,
            Instant signedInAt) {
        S session = repository.findById(id);
        session.setAttribute("peersupport.signedInAt", signedInAt);
        repository.save(session);
    }

    private String signIn(String email, String password) throws Exception {
        return mvc.perform(formLogin("/login").user("email", email).password("password", password)).andReturn()
                .getResponse().getRedirectedUrl();
    }

    private Cookie signedInSession(CurrentUser user) throws Exception {
        return signedInSession(user, Fixtures.PASSWORD);
    }

    private Cookie signedInSession(CurrentUser user, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("email", user.email()).password("password", password))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        MvcResult second = secondStep(user, result.getResponse().getCookie("SESSION"));
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/");
        return second.getResponse().getCookie("SESSION");
    }

    private MvcResult secondStep(CurrentUser user, Cookie pending) throws Exception {
        return mvc.perform(post("/login/second-factor").cookie(pending).with(csrf())
                .param("code", fixtures.secondFactorCode(user.email()))).andReturn();
    }

    /** The cookie carries the session id in Base64. */
    private static String sessionId(Cookie cookie) {
        return new String(java.util.Base64.getDecoder().decode(cookie.getValue()),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
