package org.peersupport.interaction.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An escalated contact that no coordinator has acknowledged yet: made with the contact, removed
 * by its acknowledgement. The home page counts these, so the count costs what is waiting rather
 * than every escalation ever raised.
 */
@Entity
@Table(name = "escalation_pending")
public class PendingEscalation {

    @Id
    private UUID interactionId;

    private long hospitalId;

    protected PendingEscalation() {
    }

    public PendingEscalation(Interaction escalation) {
        if (!escalation.isEscalated()) {
            throw new IllegalArgumentException("only an escalated contact waits for an acknowledgement");
        }
        this.interactionId = escalation.getId();
        this.hospitalId = escalation.getHospitalId();
    }

    public UUID getInteractionId() {
        return interactionId;
    }
}
