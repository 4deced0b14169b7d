package org.peersupport.account.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Repeated failed sign-ins pause sign-in for a while instead of locking the account: per e-mail
 * address, whether an account has it or not, and per client address. Nobody learns from a pause
 * which addresses exist, and an administrator can end one.
 */
@IntegrationTest
class SignInThrottleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MockMvcTester tester;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_fifth_failure_pauses_sign_in_and_attempts_while_paused_are_refused_unchecked_and_uncounted()
            throws Exception {
        CurrentUser user = fixtures.physicianUser(fixtures.hospital().departmentId());
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user.email(), "wrong password " + i)).isEqualTo("/login?error");
        }
        assertThat(signIn(user.email(), Fixtures.PASSWORD)).as("a good sign-in empties the bucket").isEqualTo("/");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user.email(), "wrong password " + i)).isEqualTo("/login?error");
        }
        Instant until = throttle.pausedUntil(user.email(), "192.0.2.1").orElseThrow();
        assertThat(Duration.between(fixtures.now(), until)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));

        assertThat(signIn(user.email(), Fixtures.PASSWORD)).as("the right password while paused").isEqualTo("/login?wait");
        assertThat(signIn(user.email(), "another guess")).isEqualTo("/login?wait");
        assertThat(level(SignInThrottle.accountKey(user.email()))).as("refused attempts are not counted")
                .isEqualTo(5.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(tester.get().uri("/login?wait")).hasStatusOk().bodyText().contains("Sign-in is paused");

        // When the pause is over, the right password works again.
        jdbc.update("update sign_in_throttle set blocked_until = ? where key = ?",
                java.sql.Timestamp.from(fixtures.now().minusSeconds(1)), SignInThrottle.accountKey(user.email()));
        assertThat(signIn(user.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(throttle.paused(Set.of(user.email()))).isEmpty();
    }

    @Test
    void an_address_nobody_has_and_a_disabled_account_are_paused_exactly_like_an_account() throws Exception {
        CurrentUser disabled = fixtures.account(EnumSet.of(Role.ADMIN), Set.of(), null);
        jdbc.update("update account set enabled = false where id = ?", disabled.accountId());
        for (String email : new String[] {Fixtures.uniqueEmail("nobody"), disabled.email()}) {
            for (int i = 0; i < 5; i++) {
                assertThat(signIn(email, "guess " + i)).as(email).isEqualTo("/login?error");
            }
            assertThat(signIn(email, Fixtures.PASSWORD)).as(email).isEqualTo("/login?wait");
        }
    }

    @Test
    void each_further_failure_doubles_the_pause_up_to_a_cap_and_a_quiet_bucket_drains() {
        String key = SignInThrottle.accountKey(Fixtures.uniqueEmail("doubling"));
        Instant t = fixtures.now();
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.fill(key, SignInThrottle.ACCOUNT, t)).isNull();
        }
        assertThat(throttle.fill(key, SignInThrottle.ACCOUNT, t)).isEqualTo(t.plusSeconds(30));
        assertThat(throttle.fill(key, SignInThrottle.ACCOUNT, t)).isEqualTo(t.plusSeconds(60));
        assertThat(throttle.fill(key, SignInThrottle.ACCOUNT, t)).isEqualTo(t.plusSeconds(120));
        for (int i = 0; i < 10; i++) {
            throttle.fill(key, SignInThrottle.ACCOUNT, t);
        }
        assertThat(throttle.fill(key, SignInThrottle.ACCOUNT, t)).isEqualTo(t.plus(Duration.ofMinutes(15)));

        // A bucket drains one failure every three minutes: four failures, then an hour of quiet.
        String quiet = SignInThrottle.accountKey(Fixtures.uniqueEmail("quiet"));
        for (int i = 0; i < 4; i++) {
            throttle.fill(quiet, SignInThrottle.ACCOUNT, t);
        }
        assertThat(throttle.fill(quiet, SignInThrottle.ACCOUNT, t.plus(Duration.ofHours(1)))).isNull();
        assertThat(level(quiet)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void a_paused_client_is_refused_for_every_address_and_other_clients_are_not() throws Exception {
        SignInThrottle.Rule strict = new SignInThrottle.Rule(3, Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            throttle.fill(SignInThrottle.clientKey("203.0.113.7"), strict, fixtures.now());
        }
        CurrentUser user = fixtures.physicianUser(fixtures.hospital().departmentId());
        assertThat(signInFrom("203.0.113.7", user.email(), Fixtures.PASSWORD)).isEqualTo("/login?wait");
        assertThat(signInFrom("203.0.113.8", user.email(), Fixtures.PASSWORD)).isEqualTo("/");
    }

    @Test
    void an_administrator_sees_a_pause_and_ends_it_and_nobody_else_can() throws Exception {
        CurrentUser user = fixtures.physicianUser(fixtures.hospital().departmentId());
        for (int i = 0; i < 5; i++) {
            signIn(user.email(), "guess " + i);
        }
        CurrentUser admin = fixtures.admin();
        assertThat(tester.get().uri("/admin/accounts/{id}", user.accountId()).with(user(admin))).hasStatusOk()
                .bodyText().contains("Sign-in paused after failed attempts").contains("Allow sign-in now");
        assertThat(tester.get().uri("/admin/accounts?q={q}", user.email()).with(user(admin))).hasStatusOk()
                .bodyText().contains("Sign-in paused after failed attempts");

        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        assertThat(tester.post().uri("/admin/accounts/{id}/allow-sign-in", user.accountId()).with(csrf())
                .with(user(coordinator))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(throttle.paused(Set.of(user.email()))).containsExactly(user.email());

        assertThat(tester.post().uri("/admin/accounts/{id}/allow-sign-in", user.accountId()).with(csrf())
                .with(user(admin))).hasStatus(HttpStatus.FOUND);
        assertThat(signIn(user.email(), Fixtures.PASSWORD)).isEqualTo("/");
        assertThat(jdbc.queryForList("select action from audit_entry where account_id = ?", String.class,
                user.accountId())).contains("LOCKED_OUT");
    }

    private String signIn(String email, String password) throws Exception {
        return signInFrom("192.0.2.1", email, password);
    }

    private String signInFrom(String client, String email, String password) throws Exception {
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(client);
            return request;
        };
        return mvc.perform(post("/login").param("email", email).param("password", password).with(csrf()).with(from))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private double level(String key) {
        return jdbc.queryForObject("select level from sign_in_throttle where key = ?", Double.class, key);
    }
}
