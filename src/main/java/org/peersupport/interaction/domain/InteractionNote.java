package org.peersupport.interaction.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A supporter's short note on one contact: read by its author only, and deleted for real once
 * older than the program's note retention period. Kept in its own table so deleting it leaves
 * the contact, and the program's figures, whole.
 */
@Entity
@Table(name = "interaction_note")
public class InteractionNote {

    @Id
    private UUID interactionId;

    private long authorAccountId;

    private String body;

    private Instant writtenAt;

    protected InteractionNote() {
    }

    InteractionNote(UUID interactionId, long authorAccountId, String body, Instant writtenAt) {
        if (body.length() > Interaction.MAX_NOTE) {
            throw new IllegalArgumentException("a note has at most " + Interaction.MAX_NOTE + " characters");
        }
        this.interactionId = interactionId;
        this.authorAccountId = authorAccountId;
        this.body = body;
        this.writtenAt = writtenAt;
    }

    public UUID getInteractionId() {
        return interactionId;
    }

    public long getAuthorAccountId() {
        return authorAccountId;
    }

    public String getBody() {
        return body;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
