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

    /** The contacts of one case, oldest first, as coordinators see them: never a note or a follow-up date. */
    List<Line> coordinatorLines(UUID referralId, ZoneId zone);

    /**
     * The contacts of one case, oldest first, as this supporter sees them: the notes their own
     * account wrote, and the follow-up dates of their own contacts; nobody else's.
     */
    List<Line> supporterLines(UUID referralId, org.peersupport.account.CurrentUser supporter, ZoneId zone);

    record Tally(int contacts, int noResponses, boolean escalated) {

        public static final Tally NONE = new Tally(0, 0, false);
    }

    /** One contact; mode, outcome and action are the interaction module's enum names; note and follow-up may be null. */
    record Line(UUID id, ZonedDateTime at, String mode, int minutes, String outcome, boolean escalated,
            String action, List<String> resources, LocalDate followUpOn, String note) {
    }
}
