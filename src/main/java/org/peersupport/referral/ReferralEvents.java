package org.peersupport.referral;

import java.util.UUID;

/** What the referral module tells the others. Ids only: listeners fetch what they may see. */
public final class ReferralEvents {

    private ReferralEvents() {
    }

    /** A new case needs triage by the hospital's coordinators. */
    public record ReferralReceived(UUID referralId, long hospitalId) {
    }

    /** A case was given to a supporter. */
    public record ReferralAssigned(UUID referralId, long supporterId) {
    }

    /** A new case was not given to a supporter within the assignment target of its receipt. */
    public record ReferralNotAssigned(UUID referralId, long hospitalId) {
    }

    /** First contact did not happen in time. */
    public record ReferralOverdue(UUID referralId, long hospitalId) {
    }
}
