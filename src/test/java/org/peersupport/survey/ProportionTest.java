package org.peersupport.survey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProportionTest {

    @Test
    void the_wilson_interval_of_eight_in_ten() {
        Proportion p = Proportion.of(8, 10);
        assertThat(p.estimate()).isEqualTo(0.8);
        assertThat(p.low()).isCloseTo(0.4902, within(0.0005));
        assertThat(p.high()).isCloseTo(0.9433, within(0.0005));
        assertThat(p.percent()).isEqualTo(80);
        assertThat(p.lowPercent()).isEqualTo(49);
        assertThat(p.highPercent()).isEqualTo(94);
    }

    @Test
    void stays_inside_zero_and_one_at_the_edges() {
        Proportion none = Proportion.of(0, 5);
        assertThat(none.low()).isEqualTo(0);
        assertThat(none.high()).isCloseTo(0.4345, within(0.0005));
        Proportion all = Proportion.of(5, 5);
        assertThat(all.high()).isEqualTo(1);
        assertThat(all.low()).isCloseTo(0.5655, within(0.0005));
    }

    @Test
    void narrows_as_the_group_grows() {
        Proportion small = Proportion.of(85, 100);
        Proportion large = Proportion.of(850, 1000);
        assertThat(large.high() - large.low()).isLessThan(small.high() - small.low());
        assertThat(large.low()).isCloseTo(0.8265, within(0.0005));
        assertThat(large.high()).isCloseTo(0.8708, within(0.0005));
    }
}
