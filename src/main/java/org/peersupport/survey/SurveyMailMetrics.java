package org.peersupport.survey;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The survey e-mail outbox for Prometheus: invitations and reminders waiting to be sent (queued
 * or being sent) and those the mail server refused. The waiting count reads a partial index.
 */
@Component
class SurveyMailMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    SurveyMailMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("peersupport.mail.outbox", this, m -> m.count("'QUEUED', 'SENDING'"))
                .description("Survey e-mails in the outbox, by state").tag("state", "waiting").strongReference(true)
                .register(registry);
        Gauge.builder("peersupport.mail.outbox", this, m -> m.count("'FAILED'"))
                .description("Survey e-mails in the outbox, by state").tag("state", "failed").strongReference(true)
                .register(registry);
    }

    private double count(String states) {
        Long count = jdbc.queryForObject("select count(*) from survey_invitation where mail_state in (" + states + ")",
                Long.class);
        return count == null ? 0 : count;
    }
}
