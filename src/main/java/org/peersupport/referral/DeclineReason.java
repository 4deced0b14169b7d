package org.peersupport.referral;

public enum DeclineReason {
    CONFLICT, NO_CAPACITY
}
