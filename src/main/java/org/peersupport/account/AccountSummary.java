package org.peersupport.account;

import java.util.Set;

/** An account as administration pages and other modules read it: never its password. */
public record AccountSummary(long id, String email, String displayName, Set<Role> roles, Set<Long> hospitalIds,
        Long physicianId, boolean enabled, boolean locked, long version) {

    /** Whether a password alone signs this person in, or a second factor must follow. */
    public boolean needsSecondFactor() {
        return SecondFactors.required(roles);
    }
}
