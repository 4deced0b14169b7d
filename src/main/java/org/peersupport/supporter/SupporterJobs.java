package org.peersupport.supporter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.supporter.domain.Supporter;
import org.peersupport.supporter.domain.SupporterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supporter module's scheduled jobs. Each runs once across instances (ShedLock) and is
 * idempotent on its own: a reminder is recorded with its supporter and expiry date as the key,
 * and only a newly recorded reminder raises the event that sends e-mails.
 */
@Component
public class SupporterJobs {

    private static final Logger log = LoggerFactory.getLogger(SupporterJobs.class);

    private final SupporterRepository supporters;

    private final OrganizationService organization;

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final HospitalCalendar calendar;

    SupporterJobs(SupporterRepository supporters, OrganizationService organization, JdbcTemplate jdbc,
            ApplicationEventPublisher events, HospitalCalendar calendar) {
        this.supporters = supporters;
        this.organization = organization;
        this.jdbc = jdbc;
        this.events = events;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${peersupport.jobs.certification-reminders:0 0 6 * * *}")
    @SchedulerLock(name = "certification-reminders")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduledReminders() {
        remindExpiring(calendar.now());
    }

    /**
     * Raises {@link CertificationExpiring} for every supporter whose certificate ends within
     * {@value CertificationStatus#WARNING_DAYS} days, once per supporter and expiry date.
     * Returns how many reminders were new.
     */
    @Transactional
    public int remindExpiring(Instant now) {
        int validMonths = organization.settings().certificationValidMonths();
        int sent = 0;
        // A window a few days wide on each side, because month arithmetic is not exact and each
        // hospital has its own today; the rule itself is applied to each supporter below.
        LocalDate around = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Supporter s : supporters.findCertifiedBetween(around.minusMonths(validMonths).minusDays(4),
                around.plusDays(CertificationStatus.WARNING_DAYS + 4).minusMonths(validMonths))) {
            LocalDate today = LocalDate.ofInstant(now, calendar.zone(s.getHospitalId()));
            CertificationStatus status = CertificationStatus.of(s.getCertifiedOn(), validMonths, today);
            if (status.state() != CertificationState.EXPIRING) {
                continue;
            }
            int inserted = jdbc.update("insert into certification_reminder (supporter_id, expires_on) values (?, ?) "
                    + "on conflict do nothing", s.getId(), status.expiresOn());
            if (inserted == 1) {
                events.publishEvent(new CertificationExpiring(s.getId(), s.getPhysicianId(), s.getHospitalId(),
                        status.expiresOn()));
                sent++;
            }
        }
        log.info("Certification reminders: {} new", sent);
        return sent;
    }

    // Hourly, so that a pause ends soon after midnight in each hospital's own zone.
    @Scheduled(cron = "${peersupport.jobs.return-from-pause:0 5 * * * *}")
    @SchedulerLock(name = "return-from-pause")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduledReturns() {
        returnFromPause(calendar.now());
    }

    /** Supporters whose pause has a return date that has come, at their hospital, are active again. */
    @Transactional
    public int returnFromPause(Instant now) {
        int count = 0;
        // The latest today anywhere is a day after UTC's at most; each hospital's own decides.
        for (Supporter s : supporters.findReturningBy(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            if (s.returnDateReached(LocalDate.ofInstant(now, calendar.zone(s.getHospitalId())))) {
                s.resume();
                count++;
            }
        }
        log.info("Supporters back from a pause: {}", count);
        return count;
    }
}
