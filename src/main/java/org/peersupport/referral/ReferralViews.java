package org.peersupport.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.peersupport.organization.ProgramSettingsView;

/** Read models of the referral pages. Each holds only what its reader may see. */
public final class ReferralViews {

    private ReferralViews() {
    }

    /**
     * What the referrer sees of a case they referred, once however often they referred it: whom
     * (or themselves), when they first referred them, and received / in progress / closed.
     */
    public record SentReferral(String colleagueName, boolean self, ZonedDateTime submittedAt, String state) {
    }

    /** A line of the coordinators' triage queue; {@code waitedHours} counts from receipt to now. */
    public record QueueRow(UUID id, String physicianName, String departmentName, String hospitalName,
            Trigger trigger, ReferralSource source, boolean urgent, ReferralStatus status, ZonedDateTime createdAt,
            long waitedHours, TimeLeft timeLeft, String supporterName, boolean escalated) {
    }

    /** A case as a coordinator of its hospital sees it. */
    public record CaseForCoordinator(UUID id, String physicianName, String departmentName, String hospitalName,
            Trigger trigger, ReferralSource source, boolean urgent, ReferralStatus status, Outcome outcome,
            String context, LocalDate eventDate, ZonedDateTime createdAt, ZonedDateTime dueAt, TimeLeft timeLeft,
            Long supporterId, String supporterName, int referrals, long version, CaseContacts.Tally tally,
            java.util.List<CaseContacts.Line> contacts) {
    }

    /**
     * A case as its supporter sees it: the colleague's contact details, the trigger, urgency, due
     * time, the context, the referrer's name only if they agreed, and the contacts logged on it
     * (with the notes this supporter wrote). Nothing else.
     */
    public record CaseForSupporter(UUID id, String physicianName, String email, String phone, String departmentName,
            Trigger trigger, boolean urgent, ReferralStatus status, ZonedDateTime dueAt, TimeLeft timeLeft,
            String context, String referrerName, CaseContacts.Tally tally, java.util.List<CaseContacts.Line> contacts) {
    }

    /** What the interaction module needs of a case to log a contact on it. */
    public record ContactableCase(UUID id, long hospitalId, long departmentId, long physicianId, long supporterId,
            Instant assignedAt) {
    }

    /**
     * Time left on a case's clock; negative when overdue. A new case runs against the assignment
     * target from its receipt, an assigned one against its first-contact due time.
     */
    public record TimeLeft(long minutes, boolean assignment) {

        /** Until first contact is due. */
        public static TimeLeft until(Instant due, Instant now) {
            return due == null ? null : new TimeLeft(Duration.between(now, due).toMinutes(), false);
        }

        /** The clock a case in this status runs against now, if any. */
        public static TimeLeft of(ReferralStatus status, boolean urgent, Instant createdAt, Instant dueAt,
                ProgramSettingsView settings, Instant now) {
            return switch (status) {
                case NEW -> new TimeLeft(Duration.between(now, createdAt.plus(settings.assignTarget(urgent)))
                        .toMinutes(), true);
                case ASSIGNED -> until(dueAt, now);
                case CONTACTED, CLOSED -> null;
            };
        }

        public boolean overdue() {
            return minutes < 0;
        }

        /** The text's key: "due in 5 h", "overdue by 2 h", or the same for assigning a new case. */
        public String messageKey() {
            return (assignment ? "due.assign." : "due.") + (overdue() ? "overdue" : "in");
        }

        /** Whole hours, rounded towards the safe side: up when due, up when overdue. */
        public long hours() {
            long abs = Math.abs(minutes);
            return (abs + 59) / 60;
        }
    }
}
