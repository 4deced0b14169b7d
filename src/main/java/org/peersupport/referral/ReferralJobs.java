package org.peersupport.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.referral.ReferralEvents.ReferralNotAssigned;
import org.peersupport.referral.ReferralEvents.ReferralOverdue;
import org.peersupport.referral.domain.Referral;
import org.peersupport.referral.domain.ReferralQueue;
import org.peersupport.referral.domain.ReferralRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds cases not assigned in time, and cases whose first contact is overdue, and tells the
 * coordinators, once per case and stage: the notice row is inserted first, and only a new row
 * raises the event that sends the e-mail.
 */
@Component
public class ReferralJobs {

    private static final Logger log = LoggerFactory.getLogger(ReferralJobs.class);

    private final ReferralRepository referrals;

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final org.peersupport.organization.OrganizationService organization;

    ReferralJobs(ReferralRepository referrals, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock,
            org.peersupport.organization.OrganizationService organization) {
        this.organization = organization;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${peersupport.jobs.overdue-referrals:0 */15 * * * *}")
    @SchedulerLock(name = "overdue-referrals", lockAtMostFor = "PT10M")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduled() {
        notifyOverdue(clock.instant());
    }

    /**
     * Retention: the free-text context of cases closed longer ago than the note retention period
     * is blanked for good. Counts, dates and outcomes stay, so the program's figures survive.
     */
    @Scheduled(cron = "${peersupport.jobs.retention:0 30 3 * * *}")
    @SchedulerLock(name = "referral-retention", lockAtMostFor = "PT30M")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduledRetention() {
        forgetOldContexts(clock.instant());
        forgetOldReferrers(clock.instant());
    }

    @Transactional
    public int forgetOldContexts(Instant now) {
        Instant cutoff = now.minus(java.time.Duration.ofDays(organization.settings().noteRetentionDays()));
        int count = jdbc.update("update referral set context = null "
                + "where status = 'CLOSED' and closed_at < ? and context is not null", java.sql.Timestamp.from(cutoff));
        log.info("Retention: blanked the context of {} closed referrals", count);
        return count;
    }

    /**
     * Retention: who referred a case closed longer ago than the note retention period is deleted
     * for good; the case keeps only how many referrals it had. Returns how many were deleted.
     */
    @Transactional
    public int forgetOldReferrers(Instant now) {
        Instant cutoff = now.minus(java.time.Duration.ofDays(organization.settings().noteRetentionDays()));
        Integer count = jdbc.queryForObject("""
                with gone as (
                    delete from referral_request q using referral r
                    where q.referral_id = r.id and r.status = 'CLOSED' and r.closed_at < ?
                    returning q.referral_id
                ), counted as (
                    update referral set forgotten_referrals = forgotten_referrals + c.n
                    from (select referral_id, count(*) as n from gone group by referral_id) c
                    where referral.id = c.referral_id
                )
                select count(*) from gone
                """, Integer.class, java.sql.Timestamp.from(cutoff));
        log.info("Retention: forgot the referrers of {} referrals of closed cases", count);
        return count == null ? 0 : count;
    }

    @Transactional
    public int notifyOverdue(Instant now) {
        int count = 0;
        ProgramSettingsView settings = organization.settings();
        List<Map<String, Object>> unassigned = jdbc.queryForList("select r.id, r.hospital_id from referral r where "
                + ReferralQueue.overdue(OverdueStage.ASSIGNMENT),
                ReferralQueue.overdueArguments(OverdueStage.ASSIGNMENT, settings, now).toArray());
        for (Map<String, Object> r : unassigned) {
            if (notice(r.get("id"), OverdueStage.ASSIGNMENT)) {
                events.publishEvent(new ReferralNotAssigned((UUID) r.get("id"), (Long) r.get("hospital_id")));
                count++;
            }
        }
        for (Referral r : referrals.findOverdue(now)) {
            if (notice(r.getId(), OverdueStage.FIRST_CONTACT)) {
                events.publishEvent(new ReferralOverdue(r.getId(), r.getHospitalId()));
                count++;
            }
        }
        log.info("Overdue referrals: {} new notices", count);
        return count;
    }

    /** Whether this is the first notice of the case at this stage. */
    private boolean notice(Object referralId, OverdueStage stage) {
        return jdbc.update("insert into referral_overdue_notice (referral_id, stage) values (?, ?) on conflict do nothing",
                referralId, stage.name()) == 1;
    }
}
