package org.peersupport.referral;

public enum Outcome {
    SUPPORTED, DECLINED, NO_RESPONSE, ESCALATED, WITHDRAWN, DUPLICATE
}
