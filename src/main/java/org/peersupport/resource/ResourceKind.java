package org.peersupport.resource;

public enum ResourceKind {
    EAP, CRISIS_LINE, MENTAL_HEALTH, PHYSICIAN_WELLNESS, LEGAL_RISK, CHAPLAINCY, OTHER
}
