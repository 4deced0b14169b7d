package org.peersupport.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A contact as the supporter reports it. The escalation (resources and action) counts only with a
 * red flag. {@code submissionKey} makes a repeated submit log nothing more.
 */
public record ContactDetails(Instant occurredAt, ContactMode mode, Integer minutes, ContactOutcome outcome,
        boolean redFlag, Set<Long> resourceIds, EscalationAction action, String note, LocalDate followUpOn,
        UUID submissionKey) {
}
