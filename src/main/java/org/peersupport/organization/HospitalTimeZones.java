package org.peersupport.organization;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;

import org.peersupport.shared.HospitalZones;
import org.springframework.stereotype.Component;

/**
 * Every hospital's zone, because "today" is asked on nearly every page: from the hospitals in the
 * reference cache, so a zone changed on any instance is used wherever the hospital's name is.
 */
@Component
class HospitalTimeZones implements HospitalZones {

    private final OrganizationCatalog catalog;

    HospitalTimeZones(OrganizationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ZoneId zoneOf(long hospitalId) {
        HospitalSummary hospital = catalog.hospitals().byId().get(hospitalId);
        return hospital == null ? ZoneOffset.UTC : hospital.timeZone();
    }

    @Override
    public Collection<ZoneId> allZones() {
        return catalog.hospitals().all().stream().map(HospitalSummary::timeZone).toList();
    }
}
