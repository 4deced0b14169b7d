package org.peersupport.organization.web;

import java.time.ZoneId;
import java.util.List;

/** The time zones a hospital may be in: the region-named ones, sorted, without legacy aliases. */
final class TimeZones {

    static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted()
            .toList();

    private TimeZones() {
    }
}
