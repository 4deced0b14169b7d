package org.peersupport.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * "Now" and "today" for the whole app. Now is the one {@link Clock}; today is always some
 * hospital's today, in that hospital's zone, never the server's or UTC's. A supporter in California
 * who logs a call at 11 pm logs it today, although UTC is already tomorrow.
 */
@Component
public class HospitalCalendar {

    private final Clock clock;

    private final HospitalZones zones;

    public HospitalCalendar(Clock clock, HospitalZones zones) {
        this.clock = clock;
        this.zones = zones;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone(long hospitalId) {
        return zones.zoneOf(hospitalId);
    }

    public LocalDate today(long hospitalId) {
        return today(zone(hospitalId));
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The earliest today among the hospitals in scope, as the default date of something that
     * happened at one of them: a date no later than that is past or present at each.
     */
    public LocalDate earliestToday(HospitalScope scope) {
        Collection<ZoneId> in = scope.all() ? zones.allZones()
                : scope.hospitalIds().stream().map(zones::zoneOf).toList();
        return in.stream().map(this::today).min(LocalDate::compareTo).orElseGet(() -> today(ZoneOffset.UTC));
    }

    public YearMonth thisMonth(long hospitalId) {
        return YearMonth.from(today(hospitalId));
    }

    public YearMonth thisMonth(ZoneId zone) {
        return YearMonth.from(today(zone));
    }

    /** The wall-clock time at the hospital, to the minute, as a form's default. */
    public LocalDateTime localNow(ZoneId zone) {
        return LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
    }

    public boolean isFuture(long hospitalId, LocalDate date) {
        return date.isAfter(today(hospitalId));
    }

    /** The first instant of the day at the hospital (not always midnight, where clocks change). */
    public Instant startOfDay(long hospitalId, LocalDate date) {
        return date.atStartOfDay(zone(hospitalId)).toInstant();
    }

    /** The first instant after the day at the hospital: days are half-open, [start, end). */
    public Instant endOfDay(long hospitalId, LocalDate date) {
        return startOfDay(hospitalId, date.plusDays(1));
    }

    public Instant startOfMonth(long hospitalId, YearMonth month) {
        return startOfDay(hospitalId, month.atDay(1));
    }

    /** The first instant after the month at the hospital. */
    public Instant endOfMonth(long hospitalId, YearMonth month) {
        return startOfMonth(hospitalId, month.plusMonths(1));
    }
}
