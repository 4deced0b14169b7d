package org.peersupport.reporting;

import org.junit.jupiter.api.Test;
import org.peersupport.account.CurrentUser;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dashboard's period as typed: a month that is no month, an end before the start, or more
 * than ten years is refused next to its field, with what was typed kept; the figures stay those of
 * the default period, which the page names. Nothing is rewritten silently.
 */
@IntegrationTest
class DashboardPeriodTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReportingRefresh refresh;

    @Test
    void the_figures_are_dated_in_the_hospitals_own_time() {
        Fixtures.Place place = fixtures.hospital();
        refresh.refresh();
        String zone = java.time.format.DateTimeFormatter.ofPattern("z", java.util.Locale.ENGLISH)
                .format(fixtures.now().atZone(Fixtures.ZONE));
        assertThat(mvc.get().uri("/reports").with(user(fixtures.coordinator(place.hospitalId())))).hasStatusOk()
                .bodyText().containsPattern("Figures as of \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} " + zone + ";")
                .doesNotContain("(UTC)");
    }

    @Test
    void a_month_out_of_range_is_refused_by_its_field_and_kept_as_typed() {
        CurrentUser admin = fixtures.admin();
        assertThat(mvc.get().uri("/reports?from=1800-01&to=2999-12").with(user(admin))).hasStatusOk().bodyText()
                .contains("id=\"from-error\"", "Enter a month as year and month, for example 2026-01.",
                        "value=\"1800-01\"", "value=\"2999-12\"", "href=\"#from\"",
                        "the figures below are for the default period")
                .doesNotContain("id=\"to-error\"", "value=\"2990-01\"");
    }

    @Test
    void an_end_before_the_start_and_a_period_over_ten_years_are_refused() {
        CurrentUser admin = fixtures.admin();
        assertThat(mvc.get().uri("/reports?from=2026-05&to=2026-01").with(user(admin))).hasStatusOk().bodyText()
                .contains("id=\"to-error\"", "The last month cannot be before the first.", "value=\"2026-05\"",
                        "value=\"2026-01\"");
        assertThat(mvc.get().uri("/reports?from=2000-01&to=2026-01").with(user(admin))).hasStatusOk().bodyText()
                .contains("id=\"from-error\"", "At most 10 years at a time.", "value=\"2000-01\"");
        assertThat(mvc.get().uri("/reports").param("from", "<script>alert(1)</script>").with(user(admin)))
                .hasStatusOk().bodyText().contains("id=\"from-error\"", "&lt;script&gt;")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void a_period_that_is_one_is_shown_as_asked_without_a_message() {
        CurrentUser admin = fixtures.admin();
        assertThat(mvc.get().uri("/reports?from=2026-01&to=2026-03").with(user(admin))).hasStatusOk().bodyText()
                .contains("January 2026 to March 2026", "value=\"2026-01\"", "value=\"2026-03\"")
                .doesNotContain("month-errors", "is-invalid");
    }
}
