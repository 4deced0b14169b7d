package org.peersupport.notification;

import java.time.Clock;
import java.time.Instant;

import org.peersupport.shared.MailDelivery;
import org.peersupport.survey.InvitationMailer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The health of the app's e-mail, for administrators: what waits to be sent (notices whose
 * event has not been handled, survey e-mails queued), what failed for good (notices whose
 * handling failed, survey e-mails refused), when the mail server last took one, and since when
 * it has refused. Counts only: never an address or a subject.
 */
@Component
public class Outbox {

    /** Listeners of this module send the notices; their unfinished events are e-mails waiting. */
    private static final String NOTICE_LISTENERS = Outbox.class.getPackageName() + ".%";

    /** The counts, and the mail server's state as of {@code now}. */
    public record Health(long waiting, long failed, MailDelivery.State delivery, Instant now) {

        public boolean failing() {
            return delivery.failingSince() != null;
        }

        public boolean neverSent() {
            return delivery.lastSentAt() == null;
        }

        public long failingMinutes() {
            return delivery.failingMinutes(now);
        }

        public long minutesSinceSent() {
            return delivery.minutesSinceSent(now);
        }
    }

    private final JdbcTemplate jdbc;

    private final InvitationMailer invitations;

    private final MailDelivery delivery;

    private final Clock clock;

    Outbox(JdbcTemplate jdbc, InvitationMailer invitations, MailDelivery delivery, Clock clock) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.delivery = delivery;
        this.clock = clock;
    }

    public Health health() {
        long[] notices = jdbc.queryForObject("select count(*) filter (where status is distinct from 'FAILED'),"
                + " count(*) filter (where status = 'FAILED') from event_publication"
                + " where completion_date is null and listener_id like ?",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, NOTICE_LISTENERS);
        InvitationMailer.Queue surveys = invitations.queue();
        return new Health(notices[0] + surveys.waiting(), notices[1] + surveys.failed(), delivery.state(),
                clock.instant());
    }
}
