package org.peersupport.account;

/** What a person does in the program. One person may hold several. */
public enum Role {
    ADMIN, COORDINATOR, SUPPORTER, PHYSICIAN;

    /** Supporters and physicians are clinicians: their account links to their roster row. */
    public boolean isClinical() {
        return this == SUPPORTER || this == PHYSICIAN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
