package org.peersupport.operations;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.NewAccount;
import org.peersupport.account.Role;
import org.peersupport.notification.Outbox;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The outbox's health on the administrator's home page, and the banner on their pages once the
 * mail server has refused every e-mail for fifteen minutes. The mail server is made to refuse by
 * pointing the app's mail client at a port where none listens. Delivery is one row for the whole
 * program, so each test leaves it as it works.
 */
@IntegrationTest
class OutboxTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    Outbox outbox;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    JdbcTemplate jdbc;

    CurrentUser admin;

    int mailPort;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        mailPort = mailSender.getPort();
        // Notices of earlier tests still going out would say "sent" in the middle of this one.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from event_publication"
                + " where completion_date is null and (status is null or status <> 'FAILED')", Integer.class) == 0);
    }

    @AfterEach
    void mailWorksAgain() {
        mailSender.setPort(mailPort);
        jdbc.update("update mail_delivery set failing_since = null");
        invite(); // clears the shared state of the app
    }

    @Test
    void refusals_show_on_the_administrators_home_and_after_fifteen_minutes_in_a_banner_on_their_pages()
            throws Exception {
        refusing(this::invite);
        assertThat(page("/", admin)).contains("The mail server has refused every e-mail for less than a minute.")
                .doesNotContain("id=\"mail-banner\"");

        // Twenty minutes later, and one more refusal.
        // By the app's clock, which the tests may start at another hour than the database's.
        jdbc.update("update mail_delivery set failing_since = ?",
                java.sql.Timestamp.from(fixtures.now().minus(Duration.ofMinutes(20).plusSeconds(30))));
        refusing(this::invite);
        assertThat(page("/admin/accounts", admin)).contains("id=\"mail-banner\"",
                "E-mail is not being delivered: the mail server has refused every e-mail for 20 minutes.");
        assertThat(page("/", admin)).contains("The mail server has refused every e-mail for 20 minutes.");
        // The banner is the administrators': a coordinator sees none.
        CurrentUser coordinator = fixtures.coordinator(fixtures.hospital().hospitalId());
        assertThat(page("/", coordinator)).doesNotContain("mail-banner", "The mail server");

        // The mail server takes e-mail again: the first one that goes clears it.
        invite();
        assertThat(page("/admin/accounts", admin)).doesNotContain("mail-banner");
        assertThat(page("/", admin)).contains("The mail server takes the app&#39;s e-mails; the last one went less"
                + " than a minute ago.");
    }

    @Test
    void notices_whose_sending_failed_for_good_are_counted_as_failed() throws Exception {
        long before = outbox.health().failed();
        UUID id = UUID.randomUUID();
        jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                + " status, completion_attempts) values (?, 'org.peersupport.notification.ReferralNotices.on(x)',"
                + " 'x', '{}', now(), 'FAILED', 3)", id);
        try {
            assertThat(outbox.health().failed()).isEqualTo(before + 1);
            // Another module's failed event is no e-mail.
            jdbc.update("update event_publication set listener_id = 'org.peersupport.audit.AuditTrail.on(x)'"
                    + " where id = ?", id);
            assertThat(outbox.health().failed()).isEqualTo(before);
        }
        finally {
            jdbc.update("delete from event_publication where id = ?", id);
        }
    }

    @Test
    void without_the_demo_mail_there_is_no_mailbox() throws Exception {
        assertThat(mvc.get().uri("/admin/mailbox").with(user(admin))).hasStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        assertThat(page("/", admin)).doesNotContain("Demo mailbox");
    }

    /** An account made with its invitation: one e-mail, sent at once. */
    private void invite() {
        accounts.createAndInvite(new NewAccount(Fixtures.uniqueEmail("outbox"), "Outbox Test", null,
                EnumSet.of(Role.ADMIN), Set.of(), null));
    }

    private void refusing(Runnable sending) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            mailSender.setPort(free.getLocalPort());
        }
        try {
            sending.run();
        }
        finally {
            mailSender.setPort(mailPort);
        }
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.get().uri(path).with(user(user)).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
