package org.peersupport.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.peersupport.account.domain.Account;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Administrators and coordinators give a second factor after their password: the code of an
 * authenticator app (each good once), or a recovery code; at their first sign-in they set the app
 * up. Until then nothing of the app opens. Administrators reset another person's second factor.
 */
@IntegrationTest
class SecondFactorTests {

    private static final Pattern KEY = Pattern.compile("id=\"authenticator-key\">([A-Z2-7 ]+)<");

    private static final Pattern RECOVERY = Pattern.compile("<li class=\"col\">([a-z2-9]{5}-[a-z2-9]{5})</li>");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_coordinators_password_leads_to_the_second_step_and_nothing_else_opens_until_a_right_code() throws Exception {
        var place = fixtures.hospital();
        CurrentUser coordinator = fixtures.coordinator(place.hospitalId());
        Cookie pending = password(coordinator.email());

        for (String page : new String[] {"/", "/triage", "/roster", "/admin/accounts", "/account/security",
                "/account/password", "/reports"}) {
            assertThat(mvc.perform(get(page).cookie(pending)).andReturn().getResponse().getRedirectedUrl()).as(page)
                    .isEqualTo("/login/second-factor");
        }
        // Nor may the password alone add a passkey, which would then sign in with no second factor.
        assertThat(mvc.perform(post("/webauthn/register/options").cookie(pending).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");

        String page = body(get("/login/second-factor").cookie(pending));
        assertThat(page).contains("One more step", "authenticator app").doesNotContain("Sign out</button>");

        MvcResult wrong = mvc.perform(post("/login/second-factor").cookie(pending).with(csrf()).param("code", "000000"))
                .andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
        assertThat(wrong.getResponse().getContentAsString()).contains("That code is not right", "aria-invalid=\"true\"");
        assertThat(audited(coordinator, "SECOND_FACTOR_FAILED")).isEqualTo(1);
        assertThat(mvc.perform(get("/triage").cookie(pending)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login/second-factor");

        MvcResult right = code(pending, fixtures.secondFactorCode(coordinator.email()));
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
        Cookie signedIn = right.getResponse().getCookie("SESSION");
        assertThat(signedIn.getValue()).as("a new session id once signed in").isNotEqualTo(pending.getValue());
        assertThat(mvc.perform(get("/triage").cookie(signedIn)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void a_code_is_good_once_and_malformed_codes_are_simply_wrong() throws Exception {
        CurrentUser admin = fixtures.admin();
        String code = fixtures.secondFactorCode(admin.email());
        assertThat(code(password(admin.email()), code).getResponse().getRedirectedUrl()).isEqualTo("/");

        MvcResult used = code(password(admin.email()), code);
        assertThat(used.getResponse().getContentAsString()).as("the same code again").contains("That code is not right");
        for (String bad : new String[] {"", "12345", "1234567", "<script>alert(1)</script>", "' or 1=1 --",
                "x".repeat(100_000)}) {
            CurrentUser someone = fixtures.admin();
            MvcResult result = code(password(someone.email()), bad);
            assertThat(result.getResponse().getStatus()).as(bad.length() > 40 ? "a long code" : bad).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("That code is not right")
                    .doesNotContain("<script>alert(1)");
            assertThat(audited(someone, "SECOND_FACTOR_FAILED")).isEqualTo(1);
        }
    }

    @Test
    void five_wrong_codes_end_the_sign_in_and_count_towards_the_pause_however_often_the_password_is_typed()
            throws Exception {
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        Cookie pending = password(coordinator.email());
        for (int i = 0; i < 4; i++) {
            assertThat(code(pending, "00000" + i).getResponse().getStatus()).isEqualTo(200);
        }
        MvcResult fifth = code(pending, "000009");
        assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/login?codes");
        assertThat(mvc.perform(get("/login/second-factor").cookie(pending)).andReturn().getResponse()
                .getRedirectedUrl()).as("the pending sign-in is over").isEqualTo("/login");
        assertThat(body(get("/login").param("codes", ""))).contains("Too many wrong codes");

        // The password again does not wipe the count: the wrong codes paused sign-in for the address.
        MvcResult paused = mvc.perform(formLogin("/login").user("email", coordinator.email())
                .password("password", Fixtures.PASSWORD)).andReturn();
        assertThat(paused.getResponse().getRedirectedUrl()).isEqualTo("/login?wait");
    }

    @Test
    void the_first_sign_in_sets_up_the_app_shows_recovery_codes_once_and_a_recovery_code_works_once()
            throws Exception {
        String email = Fixtures.uniqueEmail("new-coordinator");
        CurrentUser coordinator = fixtures.accountWithoutSecondFactor(email, Set.of(Role.COORDINATOR),
                Set.of(fixtures.hospital().hospitalId()), null);
        Cookie pending = password(email);
        String setUp = body(get("/login/second-factor").cookie(pending));
        assertThat(setUp).contains("Set up your second factor", "otpauth://totp/", "<svg");
        Matcher key = KEY.matcher(setUp);
        assertThat(key.find()).isTrue();
        String secret = key.group(1).replace(" ", "");
        assertThat(body(get("/login/second-factor").cookie(pending))).as("a reload shows the same key")
                .contains(key.group(1));

        MvcResult wrong = mvc.perform(post("/login/second-factor/set-up").cookie(pending).with(csrf())
                .param("code", "123456")).andReturn();
        assertThat(wrong.getResponse().getContentAsString()).contains("That code is not right", key.group(1));
        assertThat(mvc.perform(post("/login/second-factor/continue").cookie(pending).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl()).as("no way round the code").isEqualTo("/login/second-factor");

        MvcResult done = mvc.perform(post("/login/second-factor/set-up").cookie(pending).with(csrf())
                .param("code", Totp.code(secret, Totp.step(fixtures.now())))).andReturn();
        String codesPage = done.getResponse().getContentAsString();
        List<String> codes = new ArrayList<>();
        for (Matcher m = RECOVERY.matcher(codesPage); m.find();) {
            codes.add(m.group(1));
        }
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.queryForList("select code_hash from account_recovery_code where account_id = ?", String.class,
                coordinator.accountId())).hasSize(10).doesNotContainAnyElementsOf(codes);
        MvcResult in = mvc.perform(post("/login/second-factor/continue").cookie(pending).with(csrf())).andReturn();
        assertThat(in.getResponse().getRedirectedUrl()).isEqualTo("/");
        Cookie signedIn = in.getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/triage").cookie(signedIn)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(audited(coordinator, "SECOND_FACTOR_SET_UP")).isEqualTo(1);

        // A lost phone: a recovery code, typed loosely, signs in once.
        String recovery = codes.get(3);
        assertThat(code(password(email), " " + recovery.toUpperCase().replace("-", " - ") + " ").getResponse()
                .getRedirectedUrl()).isEqualTo("/");
        assertThat(code(password(email), recovery).getResponse().getContentAsString())
                .contains("That code is not right");
        assertThat(audited(coordinator, "RECOVERY_CODE_USED")).isEqualTo(1);
    }

    @Test
    void setting_up_with_a_hostile_code_is_refused_by_the_field_and_keeps_the_key() throws Exception {
        for (String bad : new String[] {"", "<script>alert(1)</script>", "' or 1=1 --", "x".repeat(100_000)}) {
            String email = Fixtures.uniqueEmail("hostile-set-up");
            fixtures.accountWithoutSecondFactor(email, Set.of(Role.ADMIN), Set.of(), null);
            Cookie pending = password(email);
            Matcher key = KEY.matcher(body(get("/login/second-factor").cookie(pending)));
            assertThat(key.find()).isTrue();
            MvcResult result = mvc.perform(post("/login/second-factor/set-up").cookie(pending).with(csrf())
                    .param("code", bad)).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("That code is not right", key.group(1))
                    .doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void a_set_up_page_left_open_in_another_window_cannot_replace_the_app_once_set_up() throws Exception {
        String email = Fixtures.uniqueEmail("two-windows");
        fixtures.accountWithoutSecondFactor(email, Set.of(Role.COORDINATOR), Set.of(fixtures.hospital().hospitalId()),
                null);
        Cookie first = password(email);
        Cookie second = password(email);
        Matcher firstKey = KEY.matcher(body(get("/login/second-factor").cookie(first)));
        Matcher secondKey = KEY.matcher(body(get("/login/second-factor").cookie(second)));
        assertThat(firstKey.find() && secondKey.find()).isTrue();
        assertThat(mvc.perform(post("/login/second-factor/set-up").cookie(first).with(csrf()).param("code",
                Totp.code(firstKey.group(1).replace(" ", ""), Totp.step(fixtures.now())))).andReturn().getResponse()
                .getContentAsString()).contains("Your recovery codes");

        MvcResult late = mvc.perform(post("/login/second-factor/set-up").cookie(second).with(csrf()).param("code",
                Totp.code(secondKey.group(1).replace(" ", ""), Totp.step(fixtures.now())))).andReturn();
        assertThat(late.getResponse().getContentAsString()).contains("already set up", "One more step")
                .doesNotContain("Your recovery codes");
        assertThat(jdbc.queryForObject("select totp_secret from account where email = ?", String.class,
                Account.normaliseEmail(email))).isEqualTo(firstKey.group(1).replace(" ", ""));
    }

    @Test
    void a_physicians_and_a_supporters_password_alone_signs_in() throws Exception {
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        MvcResult result = mvc.perform(formLogin("/login").user("email", physician.email())
                .password("password", Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void an_administrator_resets_a_lost_second_factor_audited_and_the_person_is_told_and_signed_out()
            throws Exception {
        CurrentUser admin = fixtures.admin();
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        Cookie session = code(password(coordinator.email()), fixtures.secondFactorCode(coordinator.email()))
                .getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/triage").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        assertThat(body(get("/admin/accounts/{id}", coordinator.accountId()).with(user(admin))))
                .contains("Authenticator app.", "Reset second factor");
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        assertThat(body(get("/admin/accounts/{id}", physician.accountId()).with(user(admin))))
                .contains("A password alone signs this person in").doesNotContain("Reset second factor");
        // Only administrators, and never their own.
        CurrentUser other = fixtures.coordinator(fixtures.hospital().hospitalId());
        assertThat(mvc.perform(post("/admin/accounts/{id}/second-factor/reset", coordinator.accountId())
                .with(csrf()).with(user(other))).andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult self = mvc.perform(post("/admin/accounts/{id}/second-factor/reset", admin.accountId())
                .with(csrf()).with(user(admin))).andReturn();
        assertThat(self.getFlashMap().get("accountError")).isEqualTo("secondFactor.error.resetSelf");
        assertThat(audited(admin, "SECOND_FACTOR_RESET")).isZero();

        MvcResult reset = mvc.perform(post("/admin/accounts/{id}/second-factor/reset", coordinator.accountId())
                .with(csrf()).with(user(admin))).andReturn();
        assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/admin/accounts/" + coordinator.accountId());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ? and action = "
                + "'SECOND_FACTOR_RESET' and record_id = ?", Long.class, admin.accountId(),
                String.valueOf(coordinator.accountId()))).isEqualTo(1);
        assertThat(mvc.perform(get("/triage").cookie(session)).andReturn().getResponse().getRedirectedUrl())
                .as("signed out").isEqualTo("/login?ended");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.subjects(coordinator.email())
                .contains("Your Peer Support second factor was reset"));

        assertThat(body(get("/login/second-factor").cookie(password(coordinator.email()))))
                .as("the next sign-in sets up a new one").contains("Set up your second factor");
    }

    @Test
    void the_security_page_is_ones_own_and_another_persons_passkey_is_not_found() throws Exception {
        CurrentUser physician = fixtures.physicianUser(fixtures.hospital().departmentId());
        assertThat(body(get("/account/security").with(user(physician)))).contains("Passkeys", "No passkeys yet.")
                .doesNotContain("Authenticator app");
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        assertThat(body(get("/account/security").with(user(coordinator)))).contains("Authenticator app",
                "Recovery codes left: 10.");
        assertThat(mvc.perform(post("/account/security/passkeys/{id}/remove", "c29tZW9uZSBlbHNl").with(csrf())
                .with(user(physician))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/account/security")).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }

    private Cookie password(String email) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("email", email).password("password",
                Fixtures.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        return result.getResponse().getCookie("SESSION");
    }

    private MvcResult code(Cookie pending, String code) throws Exception {
        return mvc.perform(post("/login/second-factor").cookie(pending).with(csrf()).param("code", code)).andReturn();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private long audited(CurrentUser user, String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where account_id = ? and action = ?", Long.class,
                user.accountId(), action);
    }
}
