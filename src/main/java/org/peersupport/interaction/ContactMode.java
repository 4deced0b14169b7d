package org.peersupport.interaction;

public enum ContactMode {
    IN_PERSON, PHONE, VIDEO, MESSAGE
}
