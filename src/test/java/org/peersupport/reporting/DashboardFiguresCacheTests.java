package org.peersupport.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peersupport.shared.HospitalScope;
import org.peersupport.support.Fixtures.Place;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard keeps what it read from the summaries under their version (V39): a view after a
 * refresh shows what that refresh summed, even when two refreshes carry the same instant, and a
 * view between refreshes shows what the last one summed, not what has been written since.
 */
@IntegrationTest
class DashboardFiguresCacheTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportingRefresh refresh;

    @Autowired
    DashboardService dashboards;

    @AfterEach
    void backToTheClock() {
        refresh.refresh();
    }

    @Test
    void aRefreshAtTheSameInstantStillShowsWhatItSummed() {
        Place place = fixtures.hospital();
        long h = place.hospitalId();
        long d = place.departmentId();
        Instant now = fixtures.now();
        YearMonth month = YearMonth.from(now.atZone(ZoneId.of("UTC")).minusDays(3));
        DashboardFilter filter = new DashboardFilter(h, null, month.minusMonths(1), month.plusMonths(1));
        HospitalScope scope = HospitalScope.of(Set.of(h));
        ReportRecords records = new ReportRecords(jdbc);
        String threeDaysAgo = IncrementalRefreshTests.at(now, -3);

        records.referral(h, d, fixtures.physician(d), "COLLEAGUE", "BURNOUT", false, threeDaysAgo, null, null, null);
        refresh.refresh(now);
        assertThat(referrals(scope, filter)).isEqualTo(1);

        records.referral(h, d, fixtures.physician(d), "SELF", "BURNOUT", false, threeDaysAgo, null, null, null);
        assertThat(referrals(scope, filter)).as("not summed until the next refresh").isEqualTo(1);

        refresh.refresh(now);
        assertThat(referrals(scope, filter)).as("the same instant, a new version").isEqualTo(2);
        assertThat(dashboards.dashboard(scope, filter, 1).reach().bySource()).extracting(Dashboard.Count::key)
                .containsExactlyInAnyOrder("COLLEAGUE", "SELF");
    }

    private long referrals(HospitalScope scope, DashboardFilter filter) {
        // A minimum of 1 shows every count: this checks the arithmetic, not the suppression.
        return dashboards.dashboard(scope, filter, 1).reach().referrals().value();
    }
}
