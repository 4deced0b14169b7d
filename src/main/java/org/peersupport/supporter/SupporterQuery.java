package org.peersupport.supporter;

/** Filters of the supporter roster; each may be null. */
public record SupporterQuery(Long hospitalId, Long departmentId, SupporterStatus status,
        CertificationState certification) {

    public static SupporterQuery all() {
        return new SupporterQuery(null, null, null, null);
    }
}
