package org.peersupport.supporter;

import java.time.LocalDate;
import java.util.Set;

/** A supporter as pages and other modules read them, with the physician's name from the roster. */
public record SupporterSummary(long id, long physicianId, String name, String email, long hospitalId,
        String hospitalName, SupporterStatus status, LocalDate pausedUntil, int capacity,
        Set<Long> departmentIds, CertificationStatus certification, long version) {
}
