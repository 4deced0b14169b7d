package org.peersupport.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.organization.OrganizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention: the free-text answers of campaigns closed longer ago than the note retention period
 * are deleted for good, because words are easier to recognise than ticks. The ticks stay, so the
 * campaign's figures and the dashboard's survey outcomes do not change.
 */
@Component
public class SurveyRetention {

    private static final Logger log = LoggerFactory.getLogger(SurveyRetention.class);

    private final JdbcTemplate jdbc;

    private final OrganizationService organization;

    private final Clock clock;

    SurveyRetention(JdbcTemplate jdbc, OrganizationService organization, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.clock = clock;
    }

    @Scheduled(cron = "${peersupport.jobs.survey-retention:0 45 3 * * *}")
    @SchedulerLock(name = "survey-retention", lockAtMostFor = "PT30M")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduledRetention() {
        forgetOldFreeText(clock.instant());
    }

    /** Deletes the free-text answers of long-closed campaigns; returns how many. */
    @Transactional
    public int forgetOldFreeText(Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(organization.settings().noteRetentionDays()));
        int count = jdbc.update("""
                delete from survey_answer a
                using survey_campaign c
                where c.id = a.campaign_id and c.state = 'CLOSED' and c.closed_at < ? and a.text is not null
                """, Timestamp.from(cutoff));
        log.info("Retention: deleted {} free-text survey answers", count);
        return count;
    }
}
