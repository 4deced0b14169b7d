package org.peersupport.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.demo.IdentityProvider;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestOidcProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Sign-in through a hospital's OpenID provider (TestOidcProvider, a real one in this JVM), over
 * real HTTP: redirects, the provider's own sign-in form, codes, tokens and keys. Who gets in, as
 * whom, and every way a sign-in is refused: each with a reason on the sign-in page and an audit
 * entry, never an error page and never a new account.
 */
@IntegrationTest
class SingleSignOnTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    String app;

    /** The last audit entry before the test: refusals are looked for after it. */
    long auditedBefore;

    @BeforeEach
    void appAddress() {
        app = "http://127.0.0.1:" + port;
        TestOidcProvider.allowApp(app);
        auditedBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    }

    @Test
    void a_physician_on_the_roster_gets_a_physician_account_at_first_sign_in() throws Exception {
        long department = fixtures.hospital().departmentId();
        String email = Fixtures.uniqueEmail("sso-first");
        long physicianId = fixtures.physician(department, email);
        TestOidcProvider.person(email, "provider password", true, "From The Provider");

        Visit visit = new Visit();
        HttpResponse<String> back = visit.signIn(email, "provider password");
        assertThat(visit.location(back)).isEqualTo(app + "/");
        HttpResponse<String> home = visit.get(app + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Refer a colleague");

        AccountSummary account = accounts.accountByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.PHYSICIAN);
        assertThat(account.physicianId()).isEqualTo(physicianId);
        assertThat(account.hospitalIds()).isEmpty();

        // The second time, the same account: nothing more is made or granted.
        Visit again = new Visit();
        again.signIn(email, "provider password");
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, email)).isEqualTo(1);
        assertThat(accounts.accountByEmail(email).orElseThrow().roles()).containsExactly(Role.PHYSICIAN);
    }

    @Test
    void a_coordinator_signs_in_to_their_own_account_with_its_roles_and_is_audited() throws Exception {
        var place = fixtures.hospital();
        String email = Fixtures.uniqueEmail("sso-coordinator");
        CurrentUser coordinator = fixtures.account(email, Set.of(Role.COORDINATOR), Set.of(place.hospitalId()), null);
        TestOidcProvider.person(email, "provider password", true, "Coordinator At Provider");

        // The provider checked a password only: the app asks for its own second factor.
        Visit visit = new Visit();
        assertThat(visit.location(visit.signIn(email, "provider password"))).isEqualTo(app + "/login/second-factor");
        assertThat(visit.location(visit.get(app + "/triage"))).isEqualTo(app + "/login/second-factor");
        Matcher token = CSRF.matcher(visit.get(app + "/login/second-factor").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> second = visit.post(app + "/login/second-factor", "code="
                + fixtures.secondFactorCode(email) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        assertThat(visit.location(second)).isEqualTo(app + "/");
        assertThat(visit.get(app + "/triage").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ? and action = 'SIGN_IN'",
                Long.class, coordinator.accountId())).isEqualTo(1);
    }

    @Test
    void a_coordinator_whose_provider_asked_for_a_second_factor_is_not_asked_again() throws Exception {
        var place = fixtures.hospital();
        String email = Fixtures.uniqueEmail("sso-mfa");
        fixtures.accountWithoutSecondFactor(email, Set.of(Role.COORDINATOR), Set.of(place.hospitalId()), null);
        TestOidcProvider.person(new IdentityProvider.Person(email, "provider password", true, "Coordinator", null,
                List.of("pwd", "mfa"), Map.of()));

        Visit visit = new Visit();
        assertThat(visit.location(visit.signIn(email, "provider password"))).isEqualTo(app + "/");
        assertThat(visit.get(app + "/triage").statusCode()).isEqualTo(200);
    }

    @Test
    void an_email_the_provider_did_not_verify_is_refused() throws Exception {
        String email = onRosterAndAtProvider("sso-unverified", false);

        assertRefused(new Visit().signIn(email, "provider password"), "email_not_verified", "email_not_verified");
        assertThat(accounts.accountByEmail(email)).isEmpty();
    }

    @Test
    void an_entra_id_token_says_the_email_is_verified_with_its_own_claim() throws Exception {
        String email = onRoster("sso-entra");
        // No email_verified (Entra sends none), but the domain belongs to the tenant.
        TestOidcProvider.person(new IdentityProvider.Person(email, "provider password", false, "Entra User", null,
                List.of("pwd"), Map.of("xms_edov", true)));

        Visit visit = new Visit();
        assertThat(visit.location(visit.signIn(email, "provider password"))).isEqualTo(app + "/");
        assertThat(accounts.accountByEmail(email)).isPresent();
    }

    @Test
    void someone_not_on_the_roster_is_refused() throws Exception {
        String email = Fixtures.uniqueEmail("sso-stranger");
        TestOidcProvider.person(email, "provider password", true, "Not On Roster");

        assertRefused(new Visit().signIn(email, "provider password"), "not_on_roster", "not_on_roster");
        assertThat(accounts.accountByEmail(email)).isEmpty();
        // The administrator's audit log names the refusal and the provider, never the person's e-mail.
        String log = mvc.get().uri("/admin/audit?recordId=" + TestOidcProvider.REGISTRATION)
                .with(user(fixtures.admin())).exchange().getResponse().getContentAsString();
        assertThat(log).contains("No account here").contains("SIGN_IN_REFUSED not_on_roster").doesNotContain(email);
    }

    @Test
    void a_disabled_account_is_refused_and_the_refusal_is_audited_against_it() throws Exception {
        long department = fixtures.hospital().departmentId();
        String email = Fixtures.uniqueEmail("sso-disabled");
        CurrentUser physician = fixtures.account(email, Set.of(Role.PHYSICIAN), Set.of(),
                fixtures.physician(department, Fixtures.uniqueEmail("sso-disabled-roster")));
        accounts.disable(physician.accountId(), fixtures.admin().accountId());
        TestOidcProvider.person(email, "provider password", true, "Disabled");

        assertRefused(new Visit().signIn(email, "provider password"), "account_disabled", "account_disabled");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where account_id = ? "
                + "and action = 'SIGN_IN_REFUSED account_disabled'", Long.class, physician.accountId())).isEqualTo(1);
    }

    @Test
    void a_token_from_another_issuer_is_refused() throws Exception {
        String email = onRoster("sso-issuer");
        TestOidcProvider.person(new IdentityProvider.Person(email, "provider password", true, "Other Issuer",
                "https://someone-else.example.org", List.of("pwd"), Map.of()));

        assertRefused(new Visit().signIn(email, "provider password"), "provider", "invalid_id_token");
        assertThat(accounts.accountByEmail(email)).isEmpty();
    }

    @Test
    void a_callback_for_no_sign_in_begun_here_is_refused() throws Exception {
        HttpResponse<String> back = new Visit().get(app + "/login/oauth2/code/" + TestOidcProvider.REGISTRATION
                + "?code=made-up&state=" + URLEncoder.encode("not-ours", StandardCharsets.UTF_8));
        assertRefused(back, "expired", "authorization_request_not_found");
    }

    @Test
    void a_code_used_once_is_refused_the_second_time() throws Exception {
        String email = onRosterAndAtProvider("sso-replay", true);
        Visit first = new Visit();
        String callback = first.callback(email, "provider password");
        assertThat(first.location(first.get(callback))).isEqualTo(app + "/");

        // A second browser begins its own sign-in, and is handed the first one's code.
        Visit second = new Visit();
        String theirs = second.callback(email, "provider password");
        String replayed = theirs.replaceFirst("code=[^&]+", "code=" + query(callback, "code"));
        assertRefused(second.get(replayed), "expired", "invalid_grant");
    }

    @Test
    void the_sign_in_page_offers_the_provider_and_a_strange_reason_shows_nothing() throws Exception {
        Visit visit = new Visit();
        String page = visit.get(app + "/login").body();
        assertThat(page).contains("href=\"/oauth2/authorization/test-hospital\"").contains("Sign in with Test Hospital")
                .contains("id=\"password\"");
        String strange = visit.get(app + "/login?refused=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertThat(strange).doesNotContain("login-refused").doesNotContain("<script>alert");
    }

    @Test
    void signing_out_ends_the_providers_session_too() throws Exception {
        String email = onRosterAndAtProvider("sso-signout", true);
        Visit visit = new Visit();
        visit.signIn(email, "provider password");

        Matcher token = CSRF.matcher(visit.get(app + "/").body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> out = visit.post(app + "/logout", "_csrf=" + URLEncoder.encode(token.group(1),
                StandardCharsets.UTF_8));
        String endSession = visit.location(out);
        assertThat(endSession).startsWith(TestOidcProvider.issuer() + "/connect/logout?id_token_hint=")
                .contains("post_logout_redirect_uri=");
        HttpResponse<String> provider = visit.get(endSession);
        assertThat(visit.location(provider)).isEqualTo(app + "/login?signedOut");
        assertThat(visit.get(app + "/").statusCode()).as("signed out of the app").isEqualTo(302);

        // The provider asks for its password again: its session ended as well.
        HttpResponse<String> authorize = visit.get(visit.location(visit.get(app + "/oauth2/authorization/"
                + TestOidcProvider.REGISTRATION)));
        assertThat(visit.location(authorize)).isEqualTo(TestOidcProvider.issuer() + "/login");
    }

    /** A new active physician on the roster; answers their e-mail. */
    private String onRoster(String prefix) {
        String email = Fixtures.uniqueEmail(prefix);
        fixtures.physician(fixtures.hospital().departmentId(), email);
        return email;
    }

    /** A new roster physician whom the provider knows, with the e-mail verified or not. */
    private String onRosterAndAtProvider(String prefix, boolean emailVerified) {
        String email = onRoster(prefix);
        TestOidcProvider.person(email, "provider password", emailVerified, "Provider Person");
        return email;
    }

    private void assertRefused(HttpResponse<String> back, String reason, String auditedCode) {
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.uri().resolve(back.headers().firstValue("Location").orElseThrow()))
                .hasToString(app + "/login?refused=" + reason);
        assertThat(jdbc.queryForList("select action from audit_entry where id > ? and record_type = 'provider'"
                + " and record_id = ?", String.class, auditedBefore, TestOidcProvider.REGISTRATION))
                .containsExactly("SIGN_IN_REFUSED " + auditedCode);
    }

    private static String query(String url, String name) {
        Matcher value = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(value.find()).isTrue();
        return value.group(1);
    }

    /** One browser: its own cookies for the app and the provider, redirects followed by hand. */
    private final class Visit {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Signs in at the provider and follows its way back into the app; answers the app's last redirect. */
        HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
            return get(callback(email, password));
        }

        /** The address the provider sends the browser back to, with its code, after its sign-in form. */
        String callback(String email, String password) throws IOException, InterruptedException {
            String authorize = location(get(app + "/oauth2/authorization/" + TestOidcProvider.REGISTRATION));
            assertThat(authorize).startsWith(TestOidcProvider.issuer() + "/oauth2/authorize?");
            String login = location(get(authorize));
            HttpResponse<String> form = get(login);
            Matcher token = CSRF.matcher(form.body());
            assertThat(token.find()).as("the provider's sign-in form at %s: %s", login, form.statusCode()).isTrue();
            String saved = location(post(login, "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)));
            String callback = location(get(saved));
            assertThat(callback).startsWith(app + "/login/oauth2/code/" + TestOidcProvider.REGISTRATION + "?");
            return callback;
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            // As a browser asks for a page: the provider sends a browser without a session to its sign-in form.
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String location(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.uri() + " redirects").isBetween(301, 303);
            String location = response.headers().firstValue("Location").orElseThrow();
            return response.uri().resolve(location).toString();
        }
    }
}
