package org.peersupport.supporter;

import java.time.LocalDate;

/** Published once per supporter and expiry date, {@value CertificationStatus#WARNING_DAYS} days ahead. */
public record CertificationExpiring(long supporterId, long physicianId, long hospitalId, LocalDate expiresOn) {
}
