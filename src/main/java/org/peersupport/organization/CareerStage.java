package org.peersupport.organization;

public enum CareerStage {
    RESIDENT, FELLOW, EARLY_CAREER, MID_CAREER, LATE_CAREER
}
