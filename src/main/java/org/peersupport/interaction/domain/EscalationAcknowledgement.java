package org.peersupport.interaction.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.peersupport.shared.RuleViolationException;

/**
 * A coordinator's acknowledgement of an escalated contact, with a note of what was done. Made
 * once and never changed; the contact itself stays as it was logged.
 */
@Entity
@Table(name = "escalation_acknowledgement")
public class EscalationAcknowledgement {

    public static final int MAX_NOTE = 500;

    @Id
    private UUID interactionId;

    private long accountId;

    private Instant acknowledgedAt;

    private String note;

    protected EscalationAcknowledgement() {
    }

    /** Only an escalated contact is acknowledged, and only with a note of what was done. */
    public EscalationAcknowledgement(Interaction escalation, long accountId, String note, Instant now) {
        if (!escalation.isEscalated()) {
            throw new IllegalArgumentException("only an escalated contact is acknowledged");
        }
        if (note == null || note.isBlank()) {
            throw new RuleViolationException("note", "escalation.error.noteRequired");
        }
        if (note.strip().length() > MAX_NOTE) {
            throw new RuleViolationException("note", "escalation.error.noteTooLong", MAX_NOTE);
        }
        this.interactionId = escalation.getId();
        this.accountId = accountId;
        this.note = note.strip();
        this.acknowledgedAt = now;
    }

    public UUID getInteractionId() {
        return interactionId;
    }

    public long getAccountId() {
        return accountId;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    /** Empty once the note retention period has passed. */
    public String getNote() {
        return note;
    }
}
