package org.peersupport.shared;

import java.util.Set;

/**
 * The hospitals a signed-in person may see: all of them (administrators), or the ones a
 * coordinator works for. Every query on hospital data takes one, so scoping is never forgotten.
 */
public record HospitalScope(boolean all, Set<Long> hospitalIds) {

    public HospitalScope {
        hospitalIds = Set.copyOf(hospitalIds);
    }

    public static HospitalScope everything() {
        return new HospitalScope(true, Set.of());
    }

    public static HospitalScope of(Set<Long> hospitalIds) {
        return new HospitalScope(false, hospitalIds);
    }

    public static HospitalScope none() {
        return new HospitalScope(false, Set.of());
    }

    public boolean includes(long hospitalId) {
        return all || hospitalIds.contains(hospitalId);
    }
}
