package org.peersupport.organization;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.peersupport.shared.HospitalZones;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every hospital's zone, read in one small query and kept, because "today" is asked on nearly
 * every page. A change on this instance takes effect once it commits; a change made on another
 * instance, or a hospital inserted behind the app's back, within a few minutes or at the first
 * look-up of a hospital not seen yet.
 */
@Component
class HospitalTimeZones implements HospitalZones {

    private static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    HospitalTimeZones(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ZoneId zoneOf(long hospitalId) {
        Snapshot current = snapshot;
        ZoneId zone = current.zones().get(hospitalId);
        if (zone == null || current.loadedAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            zone = reload().zones().get(hospitalId);
        }
        return zone == null ? ZoneOffset.UTC : zone;
    }

    @Override
    public Collection<ZoneId> allZones() {
        Snapshot current = snapshot;
        if (current.loadedAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            current = reload();
        }
        return current.zones().values();
    }

    /** Reads the zones again once the current transaction, if any, has committed. */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        }
        else {
            reload();
        }
    }

    private Snapshot reload() {
        Map<Long, ZoneId> zones = new HashMap<>();
        jdbc.query("select id, time_zone from hospital", row -> {
            zones.put(row.getLong(1), parse(row.getString(2)));
        });
        Snapshot fresh = new Snapshot(Map.copyOf(zones), clock.instant());
        snapshot = fresh;
        return fresh;
    }

    private static ZoneId parse(String zone) {
        try {
            return ZoneId.of(zone);
        }
        catch (DateTimeException ex) {
            return ZoneOffset.UTC;
        }
    }

    private record Snapshot(Map<Long, ZoneId> zones, Instant loadedAt) {
    }
}
