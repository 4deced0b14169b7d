package org.peersupport.demo;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.NewAccount;
import org.peersupport.account.Role;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The demo mailbox of local development: the app's e-mails go to the SMTP server inside the app
 * (over SMTP, with the app's own mail client), and an administrator reads them with their links
 * live. Without the demo mail (every other test, and production) there is no mailbox: OutboxTests.
 */
@IntegrationTest
@TestPropertySource(properties = "peersupport.demo-mail.enabled=true")
class DemoMailboxTests {

    private static final Pattern LINK = Pattern.compile("href=\"[^\"]*(/account/set-password/[A-Za-z0-9_-]{43})\"");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    JavaMailSender mail;

    @Test
    void an_invitation_is_read_in_the_mailbox_and_its_link_followed() throws Exception {
        CurrentUser admin = fixtures.admin();
        String email = Fixtures.uniqueEmail("mailbox");
        assertThat(accounts.createAndInvite(new NewAccount(email, "Mailbox Test", null, EnumSet.of(Role.ADMIN),
                Set.of(), null)).mailed()).isTrue();

        String list = page("/admin/mailbox", admin);
        Matcher row = Pattern.compile("<a href=\"(/admin/mailbox/\\d+)\">([^<]+)</a></td>\\s*<td>" + Pattern.quote(email))
                .matcher(list);
        assertThat(row.find()).as("the e-mail is listed with its subject and addressee").isTrue();
        assertThat(list).contains("Demo mailbox</a></li>"); // offered in the administrator's menu
        assertThat(page("/", admin)).contains("<a href=\"/admin/mailbox\">Read them in the demo mailbox</a>");
        assertThat(page("/admin/mailbox?page=99999", admin)).contains("<h1 class=\"h3\">Demo mailbox<").doesNotContain(email);
        assertThat(mvc.get().uri("/admin/mailbox?page=-3").with(user(admin))).hasStatusOk();

        Matcher link = LINK.matcher(page(row.group(1), admin));
        assertThat(link.find()).as("the password link is a live link").isTrue();
        assertThat(mvc.get().uri(link.group(1))).hasStatusOk().bodyText().contains("Set your password");
    }

    @Test
    void an_email_adds_no_markup_to_the_page() throws Exception {
        CurrentUser admin = fixtures.admin();
        String subject = Fixtures.unique("Markup");
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("peer-support@localhost");
        message.setTo(Fixtures.uniqueEmail("markup"));
        message.setSubject(subject + " <b>bold</b>");
        message.setText("<script>alert(1)</script> see https://example.org/a?b=1&c=<2> now");
        mail.send(message);

        String list = page("/admin/mailbox", admin);
        Matcher row = Pattern.compile("<a href=\"(/admin/mailbox/\\d+)\">" + Pattern.quote(subject)).matcher(list);
        assertThat(row.find()).isTrue();
        String letter = page(row.group(1), admin);
        assertThat(letter).doesNotContain("<script>alert", "<b>bold</b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<a href=\"https://example.org/a?b=1&amp;c=\">https://example.org/a?b=1&amp;c=</a>");
    }

    @Test
    void only_administrators_open_the_mailbox_and_an_unknown_number_is_not_found() {
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        assertThat(mvc.get().uri("/admin/mailbox").with(user(coordinator))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/mailbox")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/admin/mailbox/999999").with(user(fixtures.admin()))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/admin/mailbox/abc").with(user(fixtures.admin()))).hasStatus4xxClientError();
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.get().uri(path).with(user(user)).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
