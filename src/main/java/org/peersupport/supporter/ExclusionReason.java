package org.peersupport.supporter;

/** Why a supporter may not take a particular case now; the first that applies is given. */
public enum ExclusionReason {
    REFERRED_PHYSICIAN, REFERRER, CONFLICT, NOT_ACTIVE, PAUSED, NOT_CERTIFIED, OVER_CAPACITY
}
