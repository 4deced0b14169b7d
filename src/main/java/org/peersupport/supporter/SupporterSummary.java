package org.peersupport.supporter;

import java.time.LocalDate;
import java.util.Set;

/**
 * A supporter as pages and other modules read them, with the physician's name, e-mail and own
 * department from the roster (what tells namesakes apart); {@code departmentIds} are the
 * departments they serve.
 */
public record SupporterSummary(long id, long physicianId, String name, String email, long hospitalId,
        String hospitalName, String departmentName, SupporterStatus status, LocalDate pausedUntil, int capacity,
        Set<Long> departmentIds, CertificationStatus certification, long version) {
}
