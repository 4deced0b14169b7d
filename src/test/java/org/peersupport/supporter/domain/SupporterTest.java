package org.peersupport.supporter.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.SupporterStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The supporter aggregate guards its own status changes, capacity, departments and conflicts. */
class SupporterTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final long PHYSICIAN = 11;

    static final long HOSPITAL = 21;

    static final long HOME_DEPARTMENT = 31;

    /** A supporter brought to a status through the allowed path. */
    static Supporter in(SupporterStatus status) {
        Supporter s = new Supporter(PHYSICIAN, HOSPITAL, HOME_DEPARTMENT);
        switch (status) {
            case NOMINATED -> {
            }
            case IN_TRAINING -> s.trainingAttended();
            case ACTIVE -> s.activate();
            case PAUSED -> {
                s.activate();
                s.pause(TODAY.plusDays(10), TODAY);
            }
            case RETIRED -> s.retire();
        }
        assertThat(s.getStatus()).isEqualTo(status);
        return s;
    }

    static void refused(SupporterStatus from, Consumer<Supporter> change, String messageKey) {
        Supporter s = in(from);
        LocalDate pausedUntil = s.getPausedUntil();
        assertThatThrownBy(() -> change.accept(s)).as("from " + from).isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo(messageKey);
        assertThat(s.getStatus()).as("unchanged").isEqualTo(from);
        assertThat(s.getPausedUntil()).isEqualTo(pausedUntil);
    }

    @Test
    void a_new_supporter_is_nominated_with_the_default_capacity_and_serves_the_home_department() {
        Supporter s = new Supporter(PHYSICIAN, HOSPITAL, HOME_DEPARTMENT);
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(s.getCapacity()).isEqualTo(3);
        assertThat(s.getDepartmentIds()).containsExactly(HOME_DEPARTMENT);
        assertThat(s.getConflicts()).isEmpty();
        assertThat(s.getCertifiedOn()).isNull();
    }

    @Test
    void attending_training_moves_a_nominee_into_training_and_nobody_else() {
        assertThat(in(SupporterStatus.IN_TRAINING).getStatus()).isEqualTo(SupporterStatus.IN_TRAINING);
        for (SupporterStatus status : EnumSet.complementOf(EnumSet.of(SupporterStatus.NOMINATED))) {
            Supporter s = in(status);
            s.trainingAttended();
            assertThat(s.getStatus()).as("from " + status).isEqualTo(status);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"NOMINATED", "IN_TRAINING", "PAUSED"})
    void activate_is_allowed_from(SupporterStatus from) {
        Supporter s = in(from);
        s.activate();
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.ACTIVE);
        assertThat(s.getPausedUntil()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"ACTIVE", "RETIRED"})
    void activate_is_refused_from(SupporterStatus from) {
        refused(from, Supporter::activate, "supporter.error.cannotActivate");
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"ACTIVE", "PAUSED"})
    void pause_is_allowed_from(SupporterStatus from) {
        Supporter s = in(from);
        s.pause(TODAY.plusDays(30), TODAY);
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.PAUSED);
        assertThat(s.getPausedUntil()).isEqualTo(TODAY.plusDays(30));
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"NOMINATED", "IN_TRAINING", "RETIRED"})
    void pause_is_refused_from(SupporterStatus from) {
        refused(from, s -> s.pause(null, TODAY), "supporter.error.cannotPause");
    }

    @Test
    void resume_is_allowed_only_from_a_pause() {
        Supporter s = in(SupporterStatus.PAUSED);
        s.resume();
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.ACTIVE);
        assertThat(s.getPausedUntil()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"NOMINATED", "IN_TRAINING", "ACTIVE", "RETIRED"})
    void resume_is_refused_from(SupporterStatus from) {
        refused(from, Supporter::resume, "supporter.error.notPaused");
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"NOMINATED", "IN_TRAINING", "ACTIVE", "PAUSED"})
    void retire_is_allowed_from(SupporterStatus from) {
        Supporter s = in(from);
        s.retire();
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.RETIRED);
        assertThat(s.getPausedUntil()).isNull();
    }

    @Test
    void retire_is_refused_when_already_retired() {
        refused(SupporterStatus.RETIRED, Supporter::retire, "supporter.error.alreadyRetired");
    }

    @Test
    void reinstate_nominates_a_retired_supporter_again_and_keeps_the_training_record() {
        Supporter s = in(SupporterStatus.RETIRED);
        s.certification(TODAY.minusMonths(3));
        s.reinstate();
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.NOMINATED);
        assertThat(s.getCertifiedOn()).isEqualTo(TODAY.minusMonths(3));
    }

    @ParameterizedTest
    @EnumSource(value = SupporterStatus.class, names = {"NOMINATED", "IN_TRAINING", "ACTIVE", "PAUSED"})
    void reinstate_is_refused_from(SupporterStatus from) {
        refused(from, Supporter::reinstate, "supporter.error.notRetired");
    }

    @Test
    void a_pause_may_have_no_return_date() {
        Supporter s = in(SupporterStatus.ACTIVE);
        s.pause(null, TODAY);
        assertThat(s.getStatus()).isEqualTo(SupporterStatus.PAUSED);
        assertThat(s.getPausedUntil()).isNull();
        assertThat(s.returnDateReached(TODAY.plusYears(5))).isFalse();
    }

    @Test
    void the_return_date_must_be_after_today_and_within_two_years() {
        for (LocalDate wrong : new LocalDate[] {TODAY, TODAY.minusDays(1)}) {
            Supporter s = in(SupporterStatus.ACTIVE);
            assertThatThrownBy(() -> s.pause(wrong, TODAY)).isInstanceOf(RuleViolationException.class)
                    .satisfies(ex -> {
                        assertThat(((RuleViolationException) ex).field()).isEqualTo("pausedUntil");
                        assertThat(((RuleViolationException) ex).messageKey())
                                .isEqualTo("supporter.error.returnInPast");
                    });
            assertThat(s.getStatus()).isEqualTo(SupporterStatus.ACTIVE);
        }
        Supporter tooFar = in(SupporterStatus.ACTIVE);
        assertThatThrownBy(() -> tooFar.pause(TODAY.plusYears(2).plusDays(1), TODAY))
                .isInstanceOf(RuleViolationException.class).extracting("messageKey")
                .isEqualTo("supporter.error.returnTooFar");
        assertThat(tooFar.getStatus()).isEqualTo(SupporterStatus.ACTIVE);

        Supporter tomorrow = in(SupporterStatus.ACTIVE);
        tomorrow.pause(TODAY.plusDays(1), TODAY);
        assertThat(tomorrow.getPausedUntil()).isEqualTo(TODAY.plusDays(1));
        Supporter twoYears = in(SupporterStatus.ACTIVE);
        twoYears.pause(TODAY.plusYears(2), TODAY);
        assertThat(twoYears.getPausedUntil()).isEqualTo(TODAY.plusYears(2));
    }

    @Test
    void a_changed_pause_keeps_the_old_return_date_when_the_new_one_is_refused() {
        Supporter s = in(SupporterStatus.PAUSED);
        assertThatThrownBy(() -> s.pause(TODAY.minusDays(3), TODAY)).isInstanceOf(RuleViolationException.class);
        assertThat(s.getPausedUntil()).isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void the_return_date_is_reached_on_the_day_itself() {
        Supporter s = in(SupporterStatus.PAUSED);
        assertThat(s.returnDateReached(TODAY.plusDays(9))).isFalse();
        assertThat(s.returnDateReached(TODAY.plusDays(10))).isTrue();
        assertThat(s.returnDateReached(TODAY.plusDays(11))).isTrue();
        s.resume();
        assertThat(s.returnDateReached(TODAY.plusDays(11))).as("no longer paused").isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 50})
    void capacity_between_zero_and_fifty_is_accepted(int capacity) {
        Supporter s = in(SupporterStatus.ACTIVE);
        s.changeCapacity(capacity);
        assertThat(s.getCapacity()).isEqualTo(capacity);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 51, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void capacity_outside_zero_to_fifty_is_refused_on_the_field(int capacity) {
        Supporter s = in(SupporterStatus.ACTIVE);
        assertThatThrownBy(() -> s.changeCapacity(capacity)).isInstanceOf(RuleViolationException.class)
                .satisfies(ex -> {
                    RuleViolationException rule = (RuleViolationException) ex;
                    assertThat(rule.field()).isEqualTo("capacity");
                    assertThat(rule.messageKey()).isEqualTo("supporter.error.capacity");
                    assertThat(rule.arguments()).containsExactly(50);
                });
        assertThat(s.getCapacity()).isEqualTo(3);
    }

    @Test
    void departments_served_are_replaced_and_never_empty() {
        Supporter s = in(SupporterStatus.ACTIVE);
        s.serveDepartments(Set.of(41L, 42L));
        assertThat(s.getDepartmentIds()).containsExactlyInAnyOrder(41L, 42L);
        assertThatThrownBy(() -> s.serveDepartments(Set.of())).isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("supporter.error.noDepartment");
        assertThat(s.getDepartmentIds()).containsExactlyInAnyOrder(41L, 42L);
    }

    @Test
    void conflicts_are_declared_and_withdrawn_but_never_with_oneself() {
        Supporter s = in(SupporterStatus.ACTIVE);
        s.declareConflict(77);
        s.declareConflict(78);
        s.declareConflict(77);
        assertThat(s.getConflicts()).containsExactlyInAnyOrder(77L, 78L);
        s.withdrawConflict(77);
        assertThat(s.getConflicts()).containsExactly(78L);

        assertThatThrownBy(() -> s.declareConflict(PHYSICIAN)).isInstanceOf(RuleViolationException.class)
                .satisfies(ex -> {
                    assertThat(((RuleViolationException) ex).field()).isEqualTo("conflictEmail");
                    assertThat(((RuleViolationException) ex).messageKey()).isEqualTo("supporter.error.conflictSelf");
                });
        assertThat(s.getConflicts()).containsExactly(78L);
    }
}
