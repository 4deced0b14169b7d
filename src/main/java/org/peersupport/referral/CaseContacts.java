package org.peersupport.referral;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contacts logged on cases, as the referral pages and rules need them. The interaction module
 * keeps the contacts and implements this, so the referral module never depends on it.
 */
public interface CaseContacts {

    /** Per case: how many contacts, how many went unanswered, and whether any red flag was escalated. */
    Map<UUID, Tally> tallies(Collection<UUID> referralIds);

    default Tally tally(UUID referralId) {
        return tallies(List.of(referralId)).getOrDefault(referralId, Tally.NONE);
    }

    /**
     * The contacts of one case, oldest first. The supporter's own planning (a note, when its author
     * is {@code noteAuthorSupporterId}, and follow-up dates) is included only for a supporter; pass
     * null, as for a coordinator, and only date, mode, duration, outcome and escalation remain.
     */
    List<Line> lines(UUID referralId, Long noteAuthorSupporterId, ZoneId zone);

    record Tally(int contacts, int noResponses, boolean escalated) {

        public static final Tally NONE = new Tally(0, 0, false);
    }

    /** One contact; mode, outcome and action are the interaction module's enum names. */
    record Line(UUID id, ZonedDateTime at, String mode, int minutes, String outcome, boolean escalated,
            String action, List<String> resources, LocalDate followUpOn, String note) {
    }
}
