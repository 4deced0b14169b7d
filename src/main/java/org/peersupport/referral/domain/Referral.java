package org.peersupport.referral.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.referral.Outcome;
import org.peersupport.referral.ReferralSource;
import org.peersupport.referral.ReferralStatus;
import org.peersupport.referral.Trigger;
import org.peersupport.shared.RuleViolationException;

/**
 * One case for one referred physician: NEW → ASSIGNED → CONTACTED → CLOSED, with one outcome.
 * The aggregate refuses every other transition. Other modules' records are held by id.
 */
@Entity
@Table(name = "referral")
public class Referral {

    public static final int MAX_CONTEXT = 500;

    public static final int MIN_ATTEMPTS_FOR_NO_RESPONSE = 2;

    @Id
    private UUID id;

    private long hospitalId;

    private long departmentId;

    private long physicianId;

    @Enumerated(EnumType.STRING)
    private ReferralSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind")
    private Trigger trigger;

    private boolean urgent;

    private String context;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status = ReferralStatus.NEW;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private Long supporterId;

    private Instant assignedAt;

    private Instant dueAt;

    private Instant firstContactAt;

    private Instant closedAt;

    /** Referrals of this case whose referrer was forgotten after the retention period: a count only. */
    @Column(insertable = false, updatable = false)
    private int forgottenReferrals;

    private LocalDate eventDate;

    private Instant createdAt;

    @Version
    private long version;

    protected Referral() {
    }

    public Referral(long hospitalId, long departmentId, long physicianId, ReferralSource source, Trigger trigger,
            boolean urgent, String context, LocalDate eventDate, Instant now) {
        if (context != null && context.length() > MAX_CONTEXT) {
            throw new RuleViolationException("context", "referral.error.contextTooLong", MAX_CONTEXT);
        }
        this.id = UUID.randomUUID();
        this.hospitalId = hospitalId;
        this.departmentId = departmentId;
        this.physicianId = physicianId;
        this.source = source;
        this.trigger = trigger;
        this.urgent = urgent;
        this.context = context == null || context.isBlank() ? null : context;
        this.eventDate = eventDate;
        this.createdAt = now;
    }

    /** A later referral for the same person joins this case; danger raised then makes it urgent. */
    public void joined(boolean urgentNow) {
        if (status == ReferralStatus.CLOSED) {
            throw new IllegalStateException("a closed case takes no new referrals");
        }
        if (urgentNow) {
            urgent = true;
        }
    }

    /**
     * Gives the case to a supporter; first contact is then due within the target. Reassigning an
     * assigned or contacted case changes the supporter; a contacted case keeps its first contact.
     */
    public void assignTo(long supporterId, Instant now, Duration target) {
        if (status == ReferralStatus.CLOSED) {
            throw new RuleViolationException("supporterId", "referral.error.closed");
        }
        if (this.supporterId != null && this.supporterId == supporterId) {
            throw new RuleViolationException("supporterId", "referral.error.sameSupporter");
        }
        if (status == ReferralStatus.CONTACTED) {
            this.assignedAt = now;
        }
        else {
            this.status = ReferralStatus.ASSIGNED;
            this.assignedAt = now;
            this.dueAt = now.plus(target);
        }
        this.supporterId = supporterId;
    }

    /** The assigned supporter hands the case back; it returns to the queue. */
    public void declineBy(long supporterId) {
        if (status != ReferralStatus.ASSIGNED || this.supporterId == null || this.supporterId != supporterId) {
            throw new RuleViolationException(null, "referral.error.cannotDecline");
        }
        this.status = ReferralStatus.NEW;
        this.supporterId = null;
        this.assignedAt = null;
        this.dueAt = null;
    }

    /** A contact no earlier than the case itself, to the minute, as contacts are logged. */
    private boolean existedAt(Instant at) {
        return !at.isBefore(createdAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    /**
     * The first contact stops the first-contact clock. A contact logged later but made earlier
     * than the one on record moves the first contact back to it; other contacts change nothing.
     */
    public void contacted(Instant at) {
        if (!existedAt(at)) {
            throw new RuleViolationException("when", "referral.error.contactBeforeCase");
        }
        if (status == ReferralStatus.ASSIGNED) {
            status = ReferralStatus.CONTACTED;
            firstContactAt = at;
        }
        else if (status == ReferralStatus.CONTACTED) {
            if (at.isBefore(firstContactAt)) {
                firstContactAt = at;
            }
        }
        else {
            throw new RuleViolationException(null, "referral.error.notAssigned");
        }
    }

    /** Closes the case with its outcome; "no response" needs at least two unanswered attempts first. */
    public void close(Outcome outcome, Instant now, int unansweredAttempts) {
        if (status == ReferralStatus.CLOSED) {
            throw new RuleViolationException("outcome", "referral.error.alreadyClosed");
        }
        if (outcome == null) {
            throw new RuleViolationException("outcome", "referral.error.outcomeRequired");
        }
        if (outcome == Outcome.NO_RESPONSE && unansweredAttempts < MIN_ATTEMPTS_FOR_NO_RESPONSE) {
            throw new RuleViolationException("outcome", "referral.error.noResponseTooSoon",
                    MIN_ATTEMPTS_FOR_NO_RESPONSE, unansweredAttempts);
        }
        this.status = ReferralStatus.CLOSED;
        this.outcome = outcome;
        this.closedAt = now;
    }

    public boolean isOverdue(Instant now) {
        return status == ReferralStatus.ASSIGNED && dueAt != null && dueAt.isBefore(now);
    }

    public UUID getId() {
        return id;
    }

    public long getHospitalId() {
        return hospitalId;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public long getPhysicianId() {
        return physicianId;
    }

    public ReferralSource getSource() {
        return source;
    }

    public Trigger getTrigger() {
        return trigger;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public String getContext() {
        return context;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Long getSupporterId() {
        return supporterId;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getFirstContactAt() {
        return firstContactAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public int getForgottenReferrals() {
        return forgottenReferrals;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
