package org.peersupport.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The outbox for Prometheus, as the administrator's home shows it: e-mails waiting to be sent
 * (notices and survey e-mails) and those that failed for good.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final Outbox outbox;

    OutboxMetrics(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("peersupport.mail.outbox", outbox, o -> o.health().waiting())
                .description("E-mails in the outbox, by state").tag("state", "waiting").strongReference(true)
                .register(registry);
        Gauge.builder("peersupport.mail.outbox", outbox, o -> o.health().failed())
                .description("E-mails in the outbox, by state").tag("state", "failed").strongReference(true)
                .register(registry);
    }
}
