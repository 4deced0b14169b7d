package org.peersupport.organization;

import java.time.ZoneId;

public record HospitalSummary(long id, String name, ZoneId timeZone, boolean active) {
}
