package org.peersupport.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the dashboard shows: optionally one hospital or one department, and a period of whole
 * calendar months (in each hospital's time zone), from and to inclusive.
 */
public record DashboardFilter(Long hospitalId, Long departmentId, YearMonth from, YearMonth to) {

    /** Ten years at most: a longer period is cut to its last ten years, which the page then names. */
    public static final int MAX_MONTHS = 120;

    public DashboardFilter {
        if (from.isAfter(to)) {
            YearMonth earlier = to;
            to = from;
            from = earlier;
        }
        if (from.isBefore(to.minusMonths(MAX_MONTHS - 1))) {
            from = to.minusMonths(MAX_MONTHS - 1);
        }
    }

    /** The twelve months up to and including this one. */
    public static DashboardFilter lastTwelveMonths(Long hospitalId, Long departmentId, YearMonth now) {
        return new DashboardFilter(hospitalId, departmentId, now.minusMonths(11), now);
    }

    public LocalDate firstMonth() {
        return from.atDay(1);
    }

    public LocalDate lastMonth() {
        return to.atDay(1);
    }

    /** The day after the period. */
    public LocalDate end() {
        return to.plusMonths(1).atDay(1);
    }
}
