package org.peersupport.interaction;

import java.util.UUID;

/** What the interaction module tells the others. Ids only: never who, never why. */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    /** A red flag was escalated; the hospital's coordinators are told. {@code referralId} is null for a check-in. */
    public record EscalationRaised(UUID interactionId, long hospitalId, UUID referralId) {
    }

    /** A supporter has follow-ups due today. */
    public record FollowUpsDue(long supporterId) {
    }
}
