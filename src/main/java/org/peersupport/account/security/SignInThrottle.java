package org.peersupport.account.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.account.domain.Account;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock anyone out. Each failed sign-in fills
 * two leaky buckets: the e-mail address's and the client address's. Each bucket drains on its own
 * (one failure per leak period). A failure that brings a bucket to its limit pauses sign-in from
 * that address, or for that e-mail, for a while, and each further failure doubles the pause, up
 * to a cap. While paused, attempts are refused before the password is checked and are not
 * counted, so a guesser at one address soon adds almost nothing to an account's bucket, and a
 * hospital's typos drain away.
 *
 * <p>E-mail addresses are keyed by their hash, whether or not an account has them, and the page
 * says the same either way: throttling tells nobody which addresses exist.
 */
@Component
public class SignInThrottle {

    /** A bucket's rule: the failures it holds before pausing, how fast it drains, and the pauses. */
    record Rule(int limit, Duration leak, Duration firstPause, Duration longestPause) {

        /** A level counts whole failures: four quick ones and a fifth are five, though a little has drained. */
        Instant pausedUntil(double level, Instant now) {
            double failures = Math.ceil(level - 1e-9);
            if (failures < limit) {
                return null;
            }
            int doublings = (int) Math.min(30, failures - limit);
            Duration pause = firstPause.multipliedBy(1L << doublings);
            return now.plus(pause.compareTo(longestPause) > 0 ? longestPause : pause);
        }
    }

    static final Rule ACCOUNT = new Rule(5, Duration.ofMinutes(3), Duration.ofSeconds(30), Duration.ofMinutes(15));

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final Rule client;

    SignInThrottle(JdbcTemplate jdbc, Clock clock,
            @Value("${peersupport.sign-in.client-limit:30}") int clientLimit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.client = new Rule(clientLimit, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /** Until when sign-in with this e-mail, or from this client, is paused; empty when it is not. */
    public Optional<Instant> pausedUntil(String email, String clientAddress) {
        Timestamp until = jdbc.queryForObject("""
                select max(blocked_until) from sign_in_throttle where key in (?, ?) and blocked_until > ?
                """, Timestamp.class, accountKey(email), clientKey(clientAddress), Timestamp.from(clock.instant()));
        return Optional.ofNullable(until).map(Timestamp::toInstant);
    }

    /** Counts a failed sign-in; returns whether it paused sign-in for this e-mail address. */
    @Transactional
    public boolean failed(String email, String clientAddress) {
        Instant now = clock.instant();
        fill(clientKey(clientAddress), client, now);
        return fill(accountKey(email), ACCOUNT, now) != null;
    }

    /** For administrators: the e-mail addresses, of those given, whose sign-in is paused now. */
    public Set<String> paused(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byKey = emails.stream().distinct()
                .collect(Collectors.toMap(SignInThrottle::accountKey, e -> e));
        List<String> keys = jdbc.queryForList("select key from sign_in_throttle where key = any(?) and blocked_until > ?",
                String.class, byKey.keySet().toArray(String[]::new), Timestamp.from(clock.instant()));
        Set<String> paused = new HashSet<>();
        keys.forEach(k -> paused.add(byKey.get(k)));
        return paused;
    }

    /**
     * Forgets the e-mail address's failures and ends its pause: after a good sign-in (the client's
     * bucket stays: one good password proves little), or when an administrator lets the person in.
     */
    public void clear(String email) {
        jdbc.update("delete from sign_in_throttle where key = ?", accountKey(email));
    }

    /** Forgets buckets that have long been empty. */
    @Scheduled(cron = "${peersupport.jobs.sign-in-throttle:0 20 * * * *}")
    @SchedulerLock(name = "sign-in-throttle", lockAtMostFor = "PT10M")
    public void forgetOld() {
        Timestamp dayAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
        jdbc.update("delete from sign_in_throttle where last_failure < ? and (blocked_until is null or blocked_until < ?)",
                dayAgo, dayAgo);
    }

    /** Adds one failure to a bucket; returns until when it now pauses sign-in, or null. */
    Instant fill(String key, Rule rule, Instant now) {
        jdbc.update("insert into sign_in_throttle (key, level, last_failure) values (?, 0, ?) on conflict do nothing",
                key, Timestamp.from(now));
        Map<String, Object> row = jdbc.queryForMap(
                "select level, last_failure from sign_in_throttle where key = ? for update", key);
        double level = ((Number) row.get("level")).doubleValue();
        Instant last = ((Timestamp) row.get("last_failure")).toInstant();
        long elapsed = Math.max(0, Duration.between(last, now).toMillis());
        double next = Math.max(0, level - elapsed / (double) rule.leak().toMillis()) + 1;
        Instant until = rule.pausedUntil(next, now);
        jdbc.update("update sign_in_throttle set level = ?, last_failure = ?, blocked_until = ? where key = ?", next,
                Timestamp.from(now), until == null ? null : Timestamp.from(until), key);
        return until;
    }

    static String accountKey(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Account.normaliseEmail(email == null ? "" : email).getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(hash);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String clientKey(String address) {
        String a = address == null ? "" : address;
        return "client:" + (a.length() > 64 ? a.substring(0, 64) : a);
    }
}
