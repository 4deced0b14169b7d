package org.peersupport.referral;

public enum ReferralSource {
    COLLEAGUE, SELF, LEADER, EVENT
}
