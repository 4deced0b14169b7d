package org.peersupport.supporter;

public enum SupporterStatus {
    NOMINATED, IN_TRAINING, ACTIVE, PAUSED, RETIRED
}
