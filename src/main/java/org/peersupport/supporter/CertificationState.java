package org.peersupport.supporter;

public enum CertificationState {
    NOT_CERTIFIED, CERTIFIED, EXPIRING, EXPIRED
}
