package org.peersupport.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the mail server takes the app's e-mails, over every app instance: each place that
 * sends (notices, password links, survey invitations) says how it went. Kept in one database
 * row, rewritten only when it changes (or at most once a minute for "last sent"), so sending
 * costs no write in the usual case. Read for the administrator's outbox health and its banner.
 */
@Component
public class MailDelivery {

    /** How long the mail server may refuse before the administrator's pages say so in a banner. */
    public static final Duration BANNER_AFTER = Duration.ofMinutes(15);

    /** When an e-mail was last handed over, and since when every attempt has failed (null while it works). */
    public record State(Instant lastSentAt, Instant failingSince, Instant lastFailureAt) {

        static final State UNKNOWN = new State(null, null, null);

        /** Failing for longer than {@link #BANNER_AFTER} at this moment. */
        public boolean failingLong(Instant now) {
            return failingSince != null && failingSince.isBefore(now.minus(BANNER_AFTER));
        }

        /** For how many whole minutes every attempt has failed; 0 while it works. */
        public long failingMinutes(Instant now) {
            return failingSince == null ? 0 : Math.max(0, Duration.between(failingSince, now).toMinutes());
        }

        /** How many whole minutes ago an e-mail last went; 0 if none has. */
        public long minutesSinceSent(Instant now) {
            return lastSentAt == null ? 0 : Math.max(0, Duration.between(lastSentAt, now).toMinutes());
        }
    }

    private final JdbcTemplate jdbc;

    private final Clock clock;

    /** Every admin page reads the state for its banner: shared for a few seconds. */
    private final Cache<Boolean, State> state = Caffeine.newBuilder().maximumSize(1)
            .expireAfterWrite(Duration.ofSeconds(5)).build();

    MailDelivery(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The mail server took an e-mail (or a batch). */
    public void sent() {
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.update("update mail_delivery set last_sent_at = ?, failing_since = null where id = 1"
                + " and (failing_since is not null or last_sent_at is null or last_sent_at < ?::timestamptz - interval '1 minute')",
                now, now);
        if (changed > 0) {
            state.invalidateAll();
        }
    }

    /** The mail server could not be reached, or refused. */
    public void failed() {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update mail_delivery set last_failure_at = ?, failing_since = coalesce(failing_since, ?)"
                + " where id = 1", now, now);
        state.invalidateAll();
    }

    public State state() {
        return state.get(Boolean.TRUE, any -> jdbc.query("select last_sent_at, failing_since, last_failure_at"
                + " from mail_delivery where id = 1", rs -> rs.next()
                        ? new State(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)))
                        : State.UNKNOWN));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
