package org.peersupport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events still waiting for a listener (the notification e-mails, the audit log): done ones are
 * deleted, so every row left is waiting, or failed and retried at the next start.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    EventPublicationMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("peersupport.events.waiting", this, m -> m.waiting())
                .description("Published events whose listener has not completed").strongReference(true)
                .register(registry);
    }

    private double waiting() {
        Long count = jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Long.class);
        return count == null ? 0 : count;
    }
}
