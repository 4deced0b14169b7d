package org.peersupport.referral;

public enum ReferralStatus {
    NEW, ASSIGNED, CONTACTED, CLOSED;

    /** What a referrer may see: received, in progress or closed; never more. */
    public String forReferrer() {
        return switch (this) {
            case NEW -> "RECEIVED";
            case ASSIGNED, CONTACTED -> "IN_PROGRESS";
            case CLOSED -> "CLOSED";
        };
    }
}
