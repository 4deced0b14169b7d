package org.peersupport.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.peersupport.support.TestMail;
import org.peersupport.supporter.SupporterService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** One-time links to set a password, e-mailed over real SMTP, used through the real pages. */
@IntegrationTest
class PasswordLinkTests {

    private static final Pattern LINK = Pattern.compile("/account/set-password/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MockMvc rawMvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    SupporterService supporters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountCreatedWithoutAPasswordIsSetUpFromItsLinkOnce() throws Exception {
        CurrentUser admin = fixtures.admin();
        String email = Fixtures.uniqueEmail("invited");
        assertThat(mvc.post().uri("/admin/accounts/new").param("email", email).param("displayName", "Dr Invited")
                .param("password", "").param("roles", "ADMIN").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        String token = token(email);
        // Only the token's hash is kept.
        assertThat(jdbc.queryForObject("select count(*) from password_link where token_hash = ?", Long.class, token))
                .isZero();

        assertThat(mvc.get().uri("/account/set-password/{t}", token)).hasStatusOk().bodyText().contains(email);
        assertThat(mvc.post().uri("/account/set-password/{t}", token).param("password", "short").with(csrf()))
                .hasStatusOk().bodyText().contains("Use at least 12 characters.");
        assertThat(mvc.post().uri("/account/set-password/{t}", token).param("password", "my own good passphrase")
                .with(csrf())).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?passwordSet");
        assertThat(rawMvc.perform(formLogin("/login").user("email", email).password("password", "my own good passphrase"))
                .andReturn().getResponse().getRedirectedUrl()).as("the password works: an administrator's second step")
                .isEqualTo("/login/second-factor");
        // The person is told that their password was set, and the e-mail says nothing else.
        await().atMost(Duration.ofSeconds(20)).until(() -> subjects(email).contains("Your Peer Support password was changed"));
        MimeMessage told = TestMail.to(email).stream()
                .filter(m -> subjectOf(m).equals("Your Peer Support password was changed")).findFirst().orElseThrow();
        assertThat(told.getContent().toString()).contains("/login").doesNotContain("my own good passphrase");

        assertThat(mvc.get().uri("/account/set-password/{t}", token)).hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().contains("This link no longer works").doesNotContain(email);
        assertThat(mvc.post().uri("/account/set-password/{t}", token).param("password", "another passphrase here")
                .with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void expiredReplacedAndMalformedLinksAllGetTheSameKindPage() throws Exception {
        CurrentUser admin = fixtures.admin();
        CurrentUser user = fixtures.account(java.util.EnumSet.of(Role.ADMIN), java.util.Set.of(), null);
        assertThat(mvc.post().uri("/admin/accounts/{id}/link", user.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        String first = token(user.email());
        assertThat(mvc.post().uri("/admin/accounts/{id}/link", user.accountId()).with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        List<String> tokens = tokens(user.email());
        String second = tokens.get(tokens.size() - 1);
        assertThat(second).isNotEqualTo(first);
        assertThat(mvc.get().uri("/account/set-password/{t}", first)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/account/set-password/{t}", second)).hasStatusOk();

        jdbc.update("update password_link set expires_at = ? where account_id = ?",
                Timestamp.from(fixtures.now().minusSeconds(60)), user.accountId());
        assertThat(mvc.get().uri("/account/set-password/{t}", second)).hasStatus(HttpStatus.NOT_FOUND)
                .bodyText().contains("This link no longer works");
        for (String bad : new String[] {"x", "a".repeat(43), "a".repeat(5000)}) {
            assertThat(mvc.get().uri("/account/set-password/" + bad)).as(bad).hasStatus(HttpStatus.NOT_FOUND);
        }
        // Spring Security's firewall turns away encoded markup in a path before any page: 400, not 500.
        assertThat(mvc.get().uri("/account/set-password/%3Cscript%3E")).hasStatus(HttpStatus.BAD_REQUEST);
        // The old password still works: a link sent is not a password changed.
        assertThat(rawMvc.perform(formLogin("/login").user("email", user.email()).password("password", Fixtures.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
    }

    @Test
    void aNominatedPhysicianWithoutAnAccountIsInvitedByEmail() throws Exception {
        var place = fixtures.hospital();
        String email = Fixtures.uniqueEmail("nominee");
        long physicianId = fixtures.physician(place.departmentId(), email);
        SupporterService.Nomination nomination = supporters.nominate(physicianId, HospitalScope.everything());
        assertThat(nomination.account()).isEqualTo(AccountService.Grant.CREATED_AND_INVITED);
        MimeMessage welcome = TestMail.to(email).get(0);
        assertThat(welcome.getSubject()).isEqualTo("Your peer support account");
        assertThat(welcome.getContent().toString()).contains("/account/set-password/")
                .contains("hospital's physician peer support program");
    }

    private static List<String> subjects(String email) {
        return TestMail.subjects(email);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String token(String email) throws Exception {
        List<String> found = tokens(email);
        assertThat(found).isNotEmpty();
        return found.get(0);
    }

    private static List<String> tokens(String email) throws Exception {
        List<String> tokens = new java.util.ArrayList<>();
        for (MimeMessage message : TestMail.to(email)) {
            Matcher matcher = LINK.matcher(message.getContent().toString());
            if (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }
}
