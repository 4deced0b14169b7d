package org.peersupport.supporter;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The range of start days a query tests agrees with the certificate's own rule on every day of a
 * leap year and the next, month ends included, for short and long validities.
 */
class CertificationStatusTest {

    @Test
    void a_certificate_is_current_exactly_when_it_began_in_the_range_the_queries_test() {
        for (int months : new int[] {1, 2, 12, 24, 25}) {
            for (LocalDate today = LocalDate.of(2028, 1, 1); today.isBefore(LocalDate.of(2029, 12, 31));
                    today = today.plusDays(1)) {
                LocalDate first = CertificationStatus.firstCurrentStart(today, months);
                for (LocalDate start = first.minusDays(4); !start.isAfter(today); start = start.plusDays(1)) {
                    boolean current = CertificationStatus.of(start, months, today).current(today);
                    assertThat(current).as("%d months, today %s, certified %s", months, today, start)
                            .isEqualTo(!start.isBefore(first));
                }
            }
        }
    }

    @Test
    void expiring_is_the_range_from_the_first_current_start_to_the_day_before_that_of_the_warnings_end() {
        int months = 24;
        for (LocalDate today = LocalDate.of(2028, 1, 1); today.isBefore(LocalDate.of(2028, 12, 31));
                today = today.plusDays(1)) {
            LocalDate first = CertificationStatus.firstCurrentStart(today, months);
            LocalDate last = CertificationStatus.firstCurrentStart(today.plusDays(CertificationStatus.WARNING_DAYS),
                    months).minusDays(1);
            for (LocalDate start = first.minusDays(3); start.isBefore(last.plusDays(4)); start = start.plusDays(1)) {
                boolean expiring = CertificationStatus.of(start, months, today).state() == CertificationState.EXPIRING;
                assertThat(expiring).as("today %s, certified %s", today, start)
                        .isEqualTo(!start.isBefore(first) && !start.isAfter(last));
            }
        }
    }
}
