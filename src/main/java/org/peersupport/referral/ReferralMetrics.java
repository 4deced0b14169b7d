package org.peersupport.referral;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.peersupport.referral.ReferralEvents.ReferralReceived;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The referral figures for Prometheus, counts only (no hospital, no person): referrals received
 * since this instance started (a counter; Prometheus adds the instances up), and the open and
 * overdue cases of the whole program, counted from indexes when scraped.
 */
@Component
class ReferralMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private volatile Counter received;

    ReferralMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        received = Counter.builder("peersupport.referrals.received").description("Referrals received")
                .register(registry);
        Gauge.builder("peersupport.cases.open", this, m -> m.count("select count(*) from referral "
                + "where status <> 'CLOSED'")).description("Cases not yet closed").strongReference(true)
                .register(registry);
        Gauge.builder("peersupport.cases.overdue", this, ReferralMetrics::overdue)
                .description("Assigned cases past their first-contact target").strongReference(true)
                .register(registry);
    }

    /** After the commit, so a referral that was rolled back is never counted. */
    @TransactionalEventListener
    void on(ReferralReceived event) {
        Counter counter = received;
        if (counter != null) {
            counter.increment();
        }
    }

    private double overdue() {
        // The same rule as Referral.isOverdue, against the app's clock, never the database's now().
        return count("select count(*) from referral where status = 'ASSIGNED' and due_at < ?",
                Timestamp.from(clock.instant()));
    }

    private double count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
