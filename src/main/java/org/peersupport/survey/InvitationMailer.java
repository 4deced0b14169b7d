package org.peersupport.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.survey.domain.InvitationStore;
import org.peersupport.survey.domain.InvitationStore.Issued;
import org.peersupport.survey.domain.InvitationStore.MailKind;
import org.peersupport.shared.MailDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued invitation and reminder e-mails in the background, a batch at a time, over
 * SMTP, behind a ShedLock lock so that one app instance sends at a time.
 *
 * <p>Where the tokens come from: only the hash of a token is stored, so the plain token must exist
 * somewhere until its e-mail is written. It exists only here, in memory. Opening a campaign queues
 * invitations without tokens; this job gives each invitation of a batch a fresh token, stores the
 * hash (state "sending") and commits, then writes the e-mails and marks them sent. A token is thus
 * never at rest in the database, in a queue or in a log. If the app stops between the commit and
 * the e-mail, the invitation stays "sending"; after a lease it is taken again with a new token, so
 * at worst a person gets a second e-mail and the first link does not work.
 *
 * <p>E-mails carry only the link and kind words: no name, no department, no campaign title.
 */
@Component
public class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    static final int BATCH = 200;

    static final Duration LEASE = Duration.ofMinutes(15);

    /** One run stops after this long, well within its lock, and the next run carries on. */
    static final Duration RUN_BUDGET = Duration.ofMinutes(10);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final InvitationStore invitations;

    private final JavaMailSender mailSender;

    private final MessageSource messages;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final String from;

    private final String baseUrl;

    private final MailDelivery delivery;

    InvitationMailer(InvitationStore invitations, JavaMailSender mailSender,
            MessageSource messages, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${peersupport.mail.from}") String from, @Value("${peersupport.base-url}") String baseUrl,
            MailDelivery delivery) {
        this.delivery = delivery;
        this.invitations = invitations;
        this.mailSender = mailSender;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Scheduled(fixedDelayString = "${peersupport.survey.mail-interval:PT15S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "survey-mail", lockAtMostFor = "PT15M")
    public void run() {
        sendQueued();
    }

    /** The survey e-mails of every campaign: waiting to go, and refused by the mail server. */
    public record Queue(long waiting, long failed) {
    }

    public Queue queue() {
        long[] counts = invitations.waitingAndFailed();
        return new Queue(counts[0], counts[1]);
    }

    /** Sends batches until none is left, the mail server fails, or the run's time is up; returns how many went. */
    public int sendQueued() {
        Instant stop = Instant.now(clock).plus(RUN_BUDGET);
        int sent = 0;
        while (Instant.now(clock).isBefore(stop)) {
            int batch = sendBatch();
            if (batch < 0) {
                break;
            }
            sent += batch;
        }
        if (sent > 0) {
            log.info("Survey e-mails: {} sent", sent);
        }
        return sent;
    }

    /** Sends one batch; returns how many went, or -1 when nothing was queued or the mail server failed. */
    int sendBatch() {
        List<Issued> batch = transactions.execute(status -> invitations.issueNextBatch(BATCH, LEASE));
        if (batch == null || batch.isEmpty()) {
            return -1;
        }
        Outcome outcome = send(batch);
        invitations.markSent(outcome.sent);
        invitations.markFailed(outcome.refused);
        invitations.retryLater(outcome.retry);
        if (!outcome.sent.isEmpty()) {
            delivery.sent();
        }
        if (!outcome.retry.isEmpty()) {
            delivery.failed();
            log.warn("Survey e-mails: the mail server failed; {} e-mails wait for the next run", outcome.retry.size());
            return -1;
        }
        return outcome.sent.size();
    }

    private record Outcome(List<Long> sent, List<Long> refused, List<Long> retry) {
    }

    private Outcome send(List<Issued> batch) {
        List<Long> sent = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        Map<MimeMessage, Issued> messagesToSend = new IdentityHashMap<>();
        for (Issued invitation : batch) {
            try {
                messagesToSend.put(message(invitation, invitation.email()), invitation);
            }
            catch (MessagingException | MailException ex) {
                refused.add(invitation.id());
            }
        }
        if (messagesToSend.isEmpty()) {
            return new Outcome(sent, refused, retry);
        }
        try {
            mailSender.send(messagesToSend.keySet().toArray(new MimeMessage[0]));
            messagesToSend.values().forEach(i -> sent.add(i.id()));
        }
        catch (MailSendException ex) {
            Map<Object, Exception> failed = ex.getFailedMessages();
            messagesToSend.forEach((message, invitation) -> {
                Exception failure = failed.get(message);
                if (failure == null && !failed.isEmpty()) {
                    sent.add(invitation.id());
                }
                else if (failure instanceof SendFailedException) {
                    refused.add(invitation.id());
                }
                else {
                    retry.add(invitation.id());
                }
            });
        }
        catch (MailException ex) {
            messagesToSend.values().forEach(i -> retry.add(i.id()));
        }
        return new Outcome(sent, refused, retry);
    }

    private MimeMessage message(Issued invitation, String email) throws MessagingException {
        boolean reminder = invitation.kind() == MailKind.REMINDER;
        String link = baseUrl + "/s/" + invitation.token().value();
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(email);
        helper.setSubject(text(reminder ? "survey.mail.reminder.subject" : "survey.mail.subject"));
        helper.setText(text(reminder ? "survey.mail.reminder.body" : "survey.mail.body", link,
                DAY.format(invitation.closesOn())));
        return message;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }
}
