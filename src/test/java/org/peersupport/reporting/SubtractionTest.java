package org.peersupport.reporting;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubtractionTest {

    @Test
    void parts_large_enough_are_all_shown() {
        assertThat(Subtraction.hiddenParts(Map.of(1L, 5L, 2L, 40L), 5, false)).isEmpty();
    }

    @Test
    void a_small_part_is_hidden_with_the_smallest_other_so_the_difference_covers_a_large_enough_group() {
        // The whole minus the shown parts gives the hidden parts' sum: 1 + 8 physicians, not 1.
        assertThat(Subtraction.hiddenParts(Map.of(1L, 1L, 2L, 8L, 3L, 30L), 5, false)).containsExactlyInAnyOrder(1L, 2L);
        // Small parts that together reach the minimum need no other.
        assertThat(Subtraction.hiddenParts(Map.of(1L, 2L, 2L, 3L, 3L, 30L), 5, false)).containsExactlyInAnyOrder(1L, 2L);
        // Of equal sizes the lower id goes first, so every reader of the same scope sees the same.
        assertThat(Subtraction.hiddenParts(Map.of(1L, 0L, 3L, 6L, 2L, 6L, 4L, 30L), 5, false))
                .containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void the_parts_of_a_hidden_whole_do_not_add_up_to_it() {
        assertThat(Subtraction.hiddenParts(Map.of(1L, 6L, 2L, 20L), 5, true)).containsExactly(1L);
        assertThat(Subtraction.hiddenParts(Map.of(1L, 2L, 2L, 2L), 5, true)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(Subtraction.hiddenParts(Map.of(), 5, true)).isEmpty();
    }

    @Test
    void a_single_part_is_the_whole() {
        assertThat(Subtraction.hiddenParts(Map.of(7L, 12L), 5, false)).isEmpty();
        assertThat(Subtraction.hiddenParts(Map.of(7L, 12L), 5, true)).containsExactly(7L);
    }
}
