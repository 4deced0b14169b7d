package org.peersupport.survey.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTest {

    static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void groups_at_or_above_the_minimum_are_shown() {
        var result = Suppression.apply(counts("cardiology", 5, "surgery", 12), 5);
        assertThat(result.hidden()).isEmpty();
        assertThat(result.totalHidden()).isFalse();
    }

    @Test
    void a_group_below_the_minimum_is_hidden_and_so_is_the_next_smallest() {
        // Without the second suppression, cardiology = total (44) - surgery (20) - pediatrics (21).
        var result = Suppression.apply(counts("cardiology", 3, "surgery", 20, "pediatrics", 21), 5);
        assertThat(result.hidden()).containsExactlyInAnyOrder("cardiology", "surgery");
        assertThat(result.totalHidden()).isFalse();
    }

    @Test
    void the_next_smallest_is_chosen_by_count_not_by_order() {
        var result = Suppression.apply(counts("a", 40, "b", 2, "c", 9, "d", 30), 5);
        assertThat(result.hidden()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void hidden_groups_that_together_are_still_below_the_minimum_take_another_group_with_them() {
        // a and b are hidden, but together they are 3: total - c - d would tell the pair's answers.
        var result = Suppression.apply(counts("a", 1, "b", 2, "c", 7, "d", 30), 5);
        assertThat(result.hidden()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void two_hidden_groups_that_together_reach_the_minimum_are_enough() {
        var result = Suppression.apply(counts("a", 2, "b", 4, "c", 7, "d", 30), 5);
        assertThat(result.hidden()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_department_with_no_responses_counts_as_below_the_minimum() {
        var result = Suppression.apply(counts("a", 0, "b", 12, "c", 14), 5);
        assertThat(result.hidden()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_total_below_the_minimum_hides_everything() {
        var result = Suppression.apply(counts("a", 2, "b", 2), 5);
        assertThat(result.totalHidden()).isTrue();
        assertThat(result.hidden()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void a_single_department_is_the_total_and_hidden_with_it() {
        assertThat(Suppression.apply(counts("a", 4), 5).totalHidden()).isTrue();
        var shown = Suppression.apply(counts("a", 5), 5);
        assertThat(shown.totalHidden()).isFalse();
        assertThat(shown.hidden()).isEmpty();
    }

    @Test
    void groups_hidden_for_another_reason_stay_hidden_and_count_in_the_complementary_rule() {
        // b is hidden because its response count was; a question answered by all is then hidden in b
        // and, so that b cannot be worked out, in the next smallest too.
        var result = Suppression.apply(counts("a", 20, "b", 8, "c", 11), Set.of("b"), 5);
        assertThat(result.hidden()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void ties_are_broken_the_same_way_every_time() {
        var first = Suppression.apply(counts("x", 3, "b", 9, "a", 9), 5);
        var second = Suppression.apply(counts("a", 9, "b", 9, "x", 3), 5);
        assertThat(first.hidden()).isEqualTo(second.hidden()).containsExactlyInAnyOrder("x", "a");
    }

    @Test
    void the_minimum_is_the_programs_setting() {
        assertThat(Suppression.apply(counts("a", 7, "b", 12), 8).hidden()).containsExactlyInAnyOrder("a", "b");
        assertThat(Suppression.apply(counts("a", 7, "b", 12), 5).hidden()).isEmpty();
    }
}
