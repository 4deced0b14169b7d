package org.peersupport.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.peersupport.interaction.InteractionEvents.FollowUpsDue;
import org.peersupport.interaction.domain.Interaction;
import org.peersupport.interaction.domain.InteractionNoteRepository;
import org.peersupport.interaction.domain.InteractionRepository;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.supporter.SupporterDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily jobs of the interaction module: the follow-up reminder, once per supporter per day,
 * and the deletion of notes older than the program's note retention period. Both are safe on
 * several instances (ShedLock, and a notice row per supporter and day) and log counts only.
 */
@Component
public class InteractionJobs {

    private static final Logger log = LoggerFactory.getLogger(InteractionJobs.class);

    /** Reminders cover follow-ups missed in the last two weeks; older ones stay on the supporter's page. */
    static final int REMINDER_LOOKBACK_DAYS = 14;

    private final InteractionRepository interactions;

    private final InteractionNoteRepository notes;

    private final InteractionService service;

    private final OrganizationService organization;

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final HospitalCalendar calendar;

    private final SupporterDirectory supporters;

    InteractionJobs(InteractionRepository interactions, InteractionNoteRepository notes, InteractionService service,
            OrganizationService organization, JdbcTemplate jdbc, ApplicationEventPublisher events, HospitalCalendar calendar,
            SupporterDirectory supporters) {
        this.supporters = supporters;
        this.interactions = interactions;
        this.notes = notes;
        this.service = service;
        this.organization = organization;
        this.jdbc = jdbc;
        this.events = events;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${peersupport.jobs.follow-ups:0 0 * * * *}")
    @SchedulerLock(name = "follow-up-reminders", lockAtMostFor = "PT10M")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduledReminders() {
        remindFollowUps(calendar.now());
    }

    @Scheduled(cron = "${peersupport.jobs.retention:0 30 3 * * *}")
    @SchedulerLock(name = "note-retention", lockAtMostFor = "PT30M")
    // Called by the scheduler through the proxy, so the work below shares this transaction.
    @Transactional
    public void scheduledRetention() {
        deleteOldNotes(calendar.now());
    }

    /**
     * Tells each supporter with follow-ups due today (in their hospital's time zone) once that
     * day. It runs hourly, so a supporter hears in the morning wherever the hospital is; from
     * 07:00 local time on, the first run that finds a due follow-up sends the one e-mail.
     */
    @Transactional
    public int remindFollowUps(Instant now) {
        LocalDate utcToday = now.atZone(ZoneOffset.UTC).toLocalDate();
        Set<Long> remind = new TreeSet<>();
        Map<Long, LocalDate> dayOf = new java.util.HashMap<>();
        for (Interaction i : service.pending(interactions.pendingFollowUps(
                utcToday.minusDays(REMINDER_LOOKBACK_DAYS), utcToday.plusDays(1)))) {
            java.time.ZonedDateTime local = now.atZone(calendar.zone(i.getHospitalId()));
            if (local.getHour() >= 7 && !i.getFollowUpOn().isAfter(local.toLocalDate())) {
                remind.add(i.getSupporterId());
                dayOf.put(i.getSupporterId(), local.toLocalDate());
            }
        }
        // A retired supporter is not reminded; their follow-ups end with their service.
        remind.retainAll(supporters.serving(remind));
        int sent = 0;
        for (long supporterId : remind) {
            if (jdbc.update("insert into follow_up_notice (supporter_id, day) values (?, ?) on conflict do nothing",
                    supporterId, dayOf.get(supporterId)) == 1) {
                events.publishEvent(new FollowUpsDue(supporterId));
                sent++;
            }
        }
        log.info("Follow-ups: {} supporters reminded", sent);
        return sent;
    }

    /**
     * Deletes, for good, every note written longer ago than the program's note retention period:
     * the supporters' notes, and the coordinators' notes of what was done about an escalation (the
     * acknowledgement itself, who and when, stays). Answers how many supporters' notes went.
     */
    @Transactional
    public int deleteOldNotes(Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(organization.settings().noteRetentionDays()));
        int deleted = notes.deleteWrittenBefore(cutoff);
        int acknowledgements = jdbc.update("update escalation_acknowledgement set note = ''"
                + " where acknowledged_at < ? and note <> ''", java.sql.Timestamp.from(cutoff));
        log.info("Retention: deleted {} interaction notes and {} acknowledgement notes", deleted, acknowledgements);
        return deleted;
    }
}
