package org.peersupport.interaction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.EscalationAction;
import org.peersupport.shared.RuleViolationException;

/**
 * One contact between a supporter and a physician. It is logged once and never changed: the
 * rules below are checked together, so the form shows every problem at once. A red flag forces
 * an escalation; without one, no escalation is kept. The note lives apart ({@link InteractionNote}).
 */
@Entity
@Table(name = "interaction")
public class Interaction {

    public static final int MAX_MINUTES = 24 * 60;

    public static final int MAX_NOTE = 1000;

    /** Phones and servers disagree on the time by a little; a contact "a minute from now" is not refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public static final int MAX_FOLLOW_UP_DAYS = 365;

    /** Who the contact was with and on what: a case, or a check-in when {@code referralId} is null. */
    public record Subject(long hospitalId, long departmentId, long physicianId, long supporterId, UUID referralId) {
    }

    /**
     * What the contact is checked against: the earliest time it may have happened (and the message
     * if before), now, today in the hospital's time zone, and the resources the hospital may use.
     */
    public record Window(Instant notBefore, String notBeforeMessage, Instant now, LocalDate today,
            Set<Long> usableResources) {
    }

    @Id
    private UUID id;

    private long hospitalId;

    private long departmentId;

    private long physicianId;

    private long supporterId;

    private UUID referralId;

    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private ContactMode mode;

    private int minutes;

    @Enumerated(EnumType.STRING)
    private ContactOutcome outcome;

    private boolean redFlag;

    @Enumerated(EnumType.STRING)
    private EscalationAction escalationAction;

    @ElementCollection
    @CollectionTable(name = "interaction_resource", joinColumns = @JoinColumn(name = "interaction_id"))
    @Column(name = "resource_id")
    private Set<Long> resourceIds = new HashSet<>();

    private LocalDate followUpOn;

    private Instant loggedAt;

    private UUID submissionKey;

    protected Interaction() {
    }

    private Interaction(Subject subject, ContactDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.hospitalId = subject.hospitalId();
        this.departmentId = subject.departmentId();
        this.physicianId = subject.physicianId();
        this.supporterId = subject.supporterId();
        this.referralId = subject.referralId();
        this.occurredAt = details.occurredAt();
        this.mode = details.mode();
        this.minutes = details.minutes();
        this.outcome = details.outcome();
        this.redFlag = details.redFlag();
        if (redFlag) {
            this.escalationAction = details.action();
            this.resourceIds = new HashSet<>(details.resourceIds());
        }
        this.followUpOn = details.followUpOn();
        this.loggedAt = now;
        this.submissionKey = details.submissionKey();
    }

    /** Logs a contact, or refuses it with every rule it breaks. */
    public static Interaction log(Subject subject, ContactDetails details, Window window) {
        List<RuleViolationException> broken = new ArrayList<>();
        Instant at = details.occurredAt();
        if (at == null) {
            broken.add(new RuleViolationException("when", "interaction.error.whenRequired"));
        }
        else if (at.isAfter(window.now().plus(CLOCK_SKEW))) {
            broken.add(new RuleViolationException("when", "interaction.error.future"));
        }
        // The form is to the minute: a contact in the minute the case arrived is not before it.
        else if (at.isBefore(window.notBefore().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            broken.add(new RuleViolationException("when", window.notBeforeMessage()));
        }
        if (details.mode() == null) {
            broken.add(new RuleViolationException("mode", "interaction.error.mode"));
        }
        if (details.minutes() == null || details.minutes() < 1 || details.minutes() > MAX_MINUTES) {
            broken.add(new RuleViolationException("minutes", "interaction.error.minutes", MAX_MINUTES));
        }
        if (details.outcome() == null) {
            broken.add(new RuleViolationException("outcome", "interaction.error.outcome"));
        }
        if (details.redFlag()) {
            Set<Long> chosen = details.resourceIds() == null ? Set.of() : details.resourceIds();
            if (chosen.isEmpty()) {
                broken.add(new RuleViolationException("resourceIds", "interaction.error.resourceRequired"));
            }
            else if (!window.usableResources().containsAll(chosen)) {
                broken.add(new RuleViolationException("resourceIds", "interaction.error.resourceElsewhere"));
            }
            if (details.action() == null) {
                broken.add(new RuleViolationException("action", "interaction.error.actionRequired"));
            }
        }
        if (details.note() != null && details.note().length() > MAX_NOTE) {
            broken.add(new RuleViolationException("note", "interaction.error.noteTooLong", MAX_NOTE));
        }
        LocalDate followUp = details.followUpOn();
        if (followUp != null && followUp.isBefore(window.today())) {
            broken.add(new RuleViolationException("followUpOn", "interaction.error.followUpPast"));
        }
        else if (followUp != null && followUp.isAfter(window.today().plusDays(MAX_FOLLOW_UP_DAYS))) {
            broken.add(new RuleViolationException("followUpOn", "interaction.error.followUpFar", MAX_FOLLOW_UP_DAYS));
        }
        RuleViolationException.throwIfAny(broken);
        Set<Long> resources = details.resourceIds() == null ? Set.of() : details.resourceIds();
        return new Interaction(subject, new ContactDetails(at, details.mode(), details.minutes(), details.outcome(),
                details.redFlag(), resources, details.action(), details.note(), followUp, details.submissionKey()),
                window.now());
    }

    /** The note its author's account keeps with this contact, if one was written. */
    public java.util.Optional<InteractionNote> note(String text, long authorAccountId) {
        return text == null || text.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(new InteractionNote(id, authorAccountId, text.strip(), loggedAt));
    }

    /** The names of the resources escalated to, from a lookup of names by id. */
    public List<String> resourceNames(java.util.Map<Long, String> names) {
        return resourceIds.stream().map(names::get).filter(java.util.Objects::nonNull).sorted().toList();
    }

    public boolean isEscalated() {
        return redFlag;
    }

    public boolean isUnanswered() {
        return outcome == ContactOutcome.NO_RESPONSE;
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

    public long getSupporterId() {
        return supporterId;
    }

    public UUID getReferralId() {
        return referralId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public ContactMode getMode() {
        return mode;
    }

    public int getMinutes() {
        return minutes;
    }

    public ContactOutcome getOutcome() {
        return outcome;
    }

    public EscalationAction getEscalationAction() {
        return escalationAction;
    }

    public Set<Long> getResourceIds() {
        return Set.copyOf(resourceIds);
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
