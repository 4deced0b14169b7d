package org.peersupport.shared;

import java.time.ZoneId;
import java.util.Collection;

/**
 * Each hospital's time zone, a hospital setting. The organization module keeps it; the calendar
 * asks through this interface so that the kernel depends on no module.
 */
public interface HospitalZones {

    /** The hospital's zone; UTC for a hospital that does not exist. */
    ZoneId zoneOf(long hospitalId);

    /** The zones of every hospital of the program. */
    Collection<ZoneId> allZones();
}
