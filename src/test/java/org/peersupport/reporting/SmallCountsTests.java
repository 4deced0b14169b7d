package org.peersupport.reporting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peersupport.reporting.Dashboard.Figure;
import org.peersupport.reporting.Dashboard.Hours;
import org.peersupport.reporting.Dashboard.Share;
import org.peersupport.reporting.SmallCounts.Table;
import org.peersupport.survey.Proportion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The small-count rule of the dashboard, its study table and its exports, with a minimum of 5. */
class SmallCountsTests {

    final SmallCounts rule = SmallCounts.of(5);

    @Test
    void a_count_from_one_to_four_is_hidden_and_zero_and_five_are_shown() {
        assertThat(rule.count(0)).isEqualTo(Figure.of(0));
        for (long small = 1; small < 5; small++) {
            assertThat(rule.count(small)).as("count " + small).isEqualTo(Figure.HIDDEN);
        }
        assertThat(rule.count(5)).isEqualTo(Figure.of(5));
        assertThat(rule.count(250_000)).isEqualTo(Figure.of(250_000));
    }

    @Test
    void a_hidden_figure_carries_no_number() {
        assertThat(rule.count(1).value()).isZero();
        assertThat(rule.count(4).value()).isZero();
        assertThat(rule.share(1, 1).proportion()).isNull();
        assertThat(rule.hours(240, 1).value()).isNull();
    }

    @Test
    void the_minimum_follows_the_setting() {
        SmallCounts ten = SmallCounts.of(10);
        assertThat(ten.count(9).hidden()).isTrue();
        assertThat(ten.count(10)).isEqualTo(Figure.of(10));
        assertThatIllegalArgumentException().isThrownBy(() -> SmallCounts.of(0));
    }

    @Test
    void a_part_is_hidden_when_it_or_the_rest_of_a_shown_whole_is_small() {
        // 12 reached, 11 of them in adopted departments: the one outside would follow by subtraction.
        assertThat(rule.part(11, 12)).isEqualTo(Figure.HIDDEN);
        assertThat(rule.part(2, 12)).isEqualTo(Figure.HIDDEN);
        assertThat(rule.part(7, 12)).isEqualTo(Figure.of(7));
        assertThat(rule.part(12, 12)).isEqualTo(Figure.of(12));
        assertThat(rule.part(0, 12)).isEqualTo(Figure.of(0));
        // A hidden whole gives nothing to subtract from: a zero part says nothing of it.
        assertThat(rule.part(0, 3)).isEqualTo(Figure.of(0));
        assertThat(rule.part(3, 3)).isEqualTo(Figure.HIDDEN);
    }

    @Test
    void a_share_of_a_small_count_or_of_a_small_denominator_is_hidden_with_its_interval() {
        // The "1 physician reached, 100%".
        assertThat(rule.share(1, 1)).isEqualTo(Share.HIDDEN);
        assertThat(rule.share(4, 10)).isEqualTo(Share.HIDDEN);
        assertThat(rule.share(0, 3)).isEqualTo(Share.HIDDEN);
        assertThat(rule.share(5, 10)).isEqualTo(Share.of(Proportion.of(5, 10)));
        assertThat(rule.share(8, 10)).isEqualTo(Share.of(Proportion.of(8, 10)));
        assertThat(rule.share(7, 7)).isEqualTo(Share.of(Proportion.of(7, 7)));
        assertThat(rule.share(0, 10)).isEqualTo(Share.of(Proportion.of(0, 10)));
        assertThat(rule.share(0, 0)).isEqualTo(Share.NONE);
    }

    @Test
    void a_time_read_from_fewer_cases_than_the_minimum_is_hidden() {
        assertThat(rule.hours(60, 1)).isEqualTo(Hours.HIDDEN);
        assertThat(rule.hours(60, 4)).isEqualTo(Hours.HIDDEN);
        assertThat(rule.hours(60, 5)).isEqualTo(Hours.of(6.0));
        assertThat(rule.hours(null, 0)).isEqualTo(Hours.NONE);
    }

    @Test
    void a_table_with_nothing_small_is_shown_whole() {
        Table<String> table = rule.table(Figure.of(30), counts("COLLEAGUE", 15, "SELF", 10, "LEADER", 5));
        assertThat(table.cells()).containsExactly(Map.entry("COLLEAGUE", Figure.of(15)),
                Map.entry("SELF", Figure.of(10)), Map.entry("LEADER", Figure.of(5)));
        assertThat(table.total()).isEqualTo(Figure.of(30));
    }

    @Test
    void one_small_cell_beside_a_shown_total_takes_the_next_smallest_with_it() {
        // 20 = 12 + 7 + 1: with 12 and 7 shown, the 1 would follow from the total.
        Table<String> table = rule.table(Figure.of(20), counts("COLLEAGUE", 12, "SELF", 7, "EVENT", 1));
        assertThat(table.cells()).containsExactly(Map.entry("COLLEAGUE", Figure.of(12)),
                Map.entry("SELF", Figure.HIDDEN), Map.entry("EVENT", Figure.HIDDEN));
        assertThat(table.total()).isEqualTo(Figure.of(20));
    }

    @Test
    void small_cells_that_together_are_still_under_the_minimum_take_another_with_them() {
        // 1 + 2 hidden add up to 3 (20 - 17): still a small group, so the 8 goes too.
        Table<String> table = rule.table(Figure.of(20), counts("A", 9, "B", 8, "C", 1, "D", 2));
        assertThat(table.cells()).containsExactly(Map.entry("A", Figure.of(9)), Map.entry("B", Figure.HIDDEN),
                Map.entry("C", Figure.HIDDEN), Map.entry("D", Figure.HIDDEN));
    }

    @Test
    void two_small_cells_that_together_reach_the_minimum_are_enough() {
        Table<String> table = rule.table(Figure.of(20), counts("A", 9, "B", 6, "C", 3, "D", 2));
        assertThat(table.cells()).containsExactly(Map.entry("A", Figure.of(9)), Map.entry("B", Figure.of(6)),
                Map.entry("C", Figure.HIDDEN), Map.entry("D", Figure.HIDDEN));
    }

    @Test
    void ties_take_the_first_key_and_zeros_are_never_the_complementary_cell() {
        Table<String> table = rule.table(Figure.of(15), counts("A", 0, "B", 7, "C", 7, "D", 1));
        assertThat(table.cells()).containsExactly(Map.entry("A", Figure.of(0)), Map.entry("B", Figure.HIDDEN),
                Map.entry("C", Figure.of(7)), Map.entry("D", Figure.HIDDEN));
    }

    @Test
    void a_hidden_total_hides_every_cell_that_is_not_zero() {
        // A total hidden as a part (its rest was small) must not be rebuilt from its cells.
        Table<String> table = rule.table(Figure.HIDDEN, counts("Q1", 0, "Q2", 30, "Q3", 20));
        assertThat(table.cells()).containsExactly(Map.entry("Q1", Figure.of(0)), Map.entry("Q2", Figure.HIDDEN),
                Map.entry("Q3", Figure.HIDDEN));
    }

    @Test
    void cells_that_cannot_cover_a_hidden_one_hide_the_total_instead() {
        // Inconsistent on purpose: a shown total over one small cell and zeros.
        Table<String> table = rule.table(Figure.of(9), counts("A", 0, "B", 2));
        assertThat(table.cells()).containsExactly(Map.entry("A", Figure.of(0)), Map.entry("B", Figure.HIDDEN));
        assertThat(table.total()).isEqualTo(Figure.HIDDEN);
    }

    @Test
    void no_hidden_cell_can_be_worked_out_from_the_total_and_the_shown_cells() {
        // Every table of up to four cells from 0 to 12: the hidden cells, together, are either
        // none or at least two cells adding up to the minimum or more.
        for (int a = 0; a <= 12; a++) {
            for (int b = 0; b <= 12; b++) {
                for (int c = 0; c <= 12; c++) {
                    for (int d = 0; d <= 12; d += 3) {
                        Map<String, Long> cells = counts("A", a, "B", b, "C", c, "D", d);
                        long total = a + b + c + d;
                        Table<String> table = rule.table(rule.count(total), cells);
                        long hiddenSum = 0;
                        int hidden = 0;
                        for (var e : table.cells().entrySet()) {
                            long value = cells.get(e.getKey());
                            if (e.getValue().hidden()) {
                                hidden++;
                                hiddenSum += value;
                            }
                            else {
                                assertThat(value).as(cells.toString()).matches(v -> v == 0 || v >= 5);
                            }
                        }
                        if (!table.total().hidden() && hidden > 0) {
                            assertThat(hidden).as(cells.toString()).isGreaterThan(1);
                            assertThat(hiddenSum).as(cells.toString()).isGreaterThanOrEqualTo(5);
                        }
                    }
                }
            }
        }
    }

    @Test
    void a_group_hidden_whole_hides_every_count_zeros_included() {
        SmallCounts department = SmallCounts.hidingAll(5);
        assertThat(department.hidesAll()).isTrue();
        assertThat(department.count(0)).isEqualTo(Figure.HIDDEN);
        assertThat(department.count(40)).isEqualTo(Figure.HIDDEN);
        assertThat(department.part(0, 0)).isEqualTo(Figure.HIDDEN);
        assertThat(department.share(0, 0)).isEqualTo(Share.HIDDEN);
        assertThat(department.share(1, 1)).isEqualTo(Share.HIDDEN);
        assertThat(department.hours(null, 0)).isEqualTo(Hours.HIDDEN);
        assertThat(department.table(Figure.HIDDEN, counts("Q1", 0, "Q2", 1)).cells().values())
                .containsOnly(Figure.HIDDEN);
        // Which rows exist would say which sources occurred.
        assertThat(department.rows(Figure.HIDDEN, counts("SELF", 1)).cells()).isEmpty();
        assertThat(SmallCounts.of(5).hidesAll()).isFalse();
    }

    private static Map<String, Long> counts(Object... keysAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            counts.put((String) keysAndCounts[i], ((Number) keysAndCounts[i + 1]).longValue());
        }
        return counts;
    }
}
