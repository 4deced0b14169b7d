package org.peersupport.interaction;

/** CONNECTED is a successful interaction; the other two are attempts. */
public enum ContactOutcome {
    CONNECTED, NO_RESPONSE, DECLINED
}
