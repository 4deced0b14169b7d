package org.peersupport.supporter;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A supporter's certification on a given day. Certified from {@code certifiedOn} through the
 * day before {@code expiresOn}; "expiring" in the last {@value #WARNING_DAYS} days of that.
 */
public record CertificationStatus(CertificationState state, LocalDate certifiedOn, LocalDate expiresOn,
        long daysLeft) {

    public static final int WARNING_DAYS = 60;

    public static CertificationStatus of(LocalDate certifiedOn, int validMonths, LocalDate today) {
        if (certifiedOn == null) {
            return new CertificationStatus(CertificationState.NOT_CERTIFIED, null, null, 0);
        }
        LocalDate expiresOn = certifiedOn.plusMonths(validMonths);
        long daysLeft = ChronoUnit.DAYS.between(today, expiresOn);
        CertificationState state = daysLeft <= 0 ? CertificationState.EXPIRED
                : daysLeft <= WARNING_DAYS ? CertificationState.EXPIRING : CertificationState.CERTIFIED;
        return new CertificationStatus(state, certifiedOn, expiresOn, Math.max(daysLeft, 0));
    }

    /**
     * The earliest day a certificate may have begun and still be current on {@code day}: a
     * certificate of that day or later (and not after {@code day}) is current. Months are added as
     * {@link LocalDate#plusMonths} adds them, short months included, so a query can test a range
     * of dates instead of adding months to every row.
     */
    public static LocalDate firstCurrentStart(LocalDate day, int validMonths) {
        LocalDate start = day.minusMonths(validMonths);
        while (!start.plusMonths(validMonths).isAfter(day)) {
            start = start.plusDays(1);
        }
        while (start.minusDays(1).plusMonths(validMonths).isAfter(day)) {
            start = start.minusDays(1);
        }
        return start;
    }

    /** Current on that day: certified (or about to expire), and not before the certificate began. */
    public boolean current(LocalDate day) {
        return certifiedOn != null && !day.isBefore(certifiedOn) && day.isBefore(expiresOn);
    }
}
