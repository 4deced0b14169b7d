package org.peersupport.interaction;

public enum EscalationAction {
    ADVISED, WARM_HANDOFF, EMERGENCY_SERVICES
}
