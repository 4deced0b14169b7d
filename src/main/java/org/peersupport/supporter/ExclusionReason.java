package org.peersupport.supporter;

/**
 * Why a supporter may not take a particular case now, as a coordinator may know it; the first
 * that applies is given. Reasons that would point at a person (the supporter referred this
 * physician, or declared a conflict with them) are not among these: see {@link Eligibility#barred()}.
 */
public enum ExclusionReason {
    REFERRED_PHYSICIAN, NOT_ACTIVE, PAUSED, NOT_CERTIFIED, OVER_CAPACITY
}
