package org.peersupport.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.account.domain.PasswordPolicy;
import org.peersupport.account.security.AccountSessions;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.MailDelivery;
import org.peersupport.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links by e-mail to set a password, so nobody has to hand a password over. A link
 * holds 256 random bits; only their hash is stored; it works once, for {@link #VALID_FOR}.
 * A new link for an account replaces the ones before it.
 */
@Service
public class PasswordLinks {

    public static final Duration VALID_FOR = Duration.ofHours(72);

    private final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;

    private final AccountRepository accounts;

    private final PasswordPolicy policy;

    private final PasswordEncoder encoder;

    private final AccountSessions sessions;

    private final JavaMailSender mail;

    private final MessageSource messages;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final String from;

    private final String baseUrl;

    private final MailDelivery delivery;

    PasswordLinks(JdbcTemplate jdbc, AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder,
            AccountSessions sessions, JavaMailSender mail, MessageSource messages, Clock clock,
            @Value("${peersupport.mail.from}") String from, @Value("${peersupport.base-url}") String baseUrl,
            ApplicationEventPublisher events, MailDelivery delivery) {
        this.delivery = delivery;
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.sessions = sessions;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /**
     * E-mails the account a link to set its password. If the mail server refuses, the caller gets
     * a message to show; the caller's own changes (a new account, a nomination) are kept, and the
     * unsent link is useless since its token went nowhere.
     */
    @Transactional(noRollbackFor = RuleViolationException.class)
    public void send(long accountId, boolean welcome) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("delete from password_link where account_id = ?", accountId);
        jdbc.update("insert into password_link (token_hash, account_id, expires_at) values (?, ?, ?)", hash(token),
                accountId, Timestamp.from(clock.instant().plus(VALID_FOR)));
        String kind = welcome ? "welcome" : "reset";
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(account.getEmail());
        message.setSubject(messages.getMessage("mail.password." + kind + ".subject", null, Locale.ENGLISH));
        message.setText(messages.getMessage("mail.password." + kind + ".body",
                new Object[] {baseUrl + "/account/set-password/" + token, VALID_FOR.toHours()}, Locale.ENGLISH));
        try {
            mail.send(message);
            delivery.sent();
        }
        catch (MailException ex) {
            delivery.failed();
            throw new RuleViolationException(null, "account.error.mailFailed");
        }
    }

    /** The account a link is for, while the link is unused and in time. */
    @Transactional(readOnly = true)
    public Optional<String> emailFor(String token) {
        return validAccount(token).flatMap(accounts::findById).map(Account::getEmail);
    }

    /** Sets the password once; the link is then used, and every open session of the account ends. */
    @Transactional
    public void setPassword(String token, String password) {
        long accountId = validAccount(token).orElseThrow(NotFoundException::new);
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        policy.problem(password, account.getEmail()).ifPresent(key -> {
            throw new RuleViolationException("password", key);
        });
        int claimed = jdbc.update("update password_link set used_at = ? where token_hash = ? and used_at is null",
                Timestamp.from(clock.instant()), hash(token));
        if (claimed != 1) {
            throw new NotFoundException();
        }
        account.changePassword(encoder.encode(password));
        sessions.endAll(accountId);
        events.publishEvent(new PasswordChanged(accountId));
    }

    private Optional<Long> validAccount(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.query("select account_id from password_link where token_hash = ? and used_at is null "
                + "and expires_at > ?", (rs, n) -> rs.getLong(1), hash(token), Timestamp.from(clock.instant()))
                .stream().findFirst();
    }

    private static String hash(String token) {
        return Hashes.sha256(token);
    }
}
