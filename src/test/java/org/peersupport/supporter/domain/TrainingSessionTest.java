package org.peersupport.supporter.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peersupport.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A training session refuses impossible dates, uncovered completions and attendance before it happens. */
class TrainingSessionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final long HOSPITAL = 5;

    static final long BURNOUT = 1;

    static final long INTERACTION = 2;

    static final long RED_FLAGS = 3;

    static final long NOT_COVERED = 4;

    static TrainingSession on(LocalDate date) {
        return new TrainingSession(HOSPITAL, date, "Dr Facilitator", false, Set.of(BURNOUT, INTERACTION, RED_FLAGS),
                TODAY);
    }

    static void refusedOnDate(LocalDate date, String messageKey) {
        assertThatThrownBy(() -> on(date)).as(date.toString()).isInstanceOf(RuleViolationException.class)
                .satisfies(ex -> {
                    assertThat(((RuleViolationException) ex).field()).isEqualTo("sessionDate");
                    assertThat(((RuleViolationException) ex).messageKey()).isEqualTo(messageKey);
                });
    }

    @Test
    void a_session_may_be_recorded_up_to_five_years_back_and_scheduled_a_year_ahead() {
        assertThat(on(TODAY.minusYears(5)).getSessionDate()).isEqualTo(TODAY.minusYears(5));
        assertThat(on(TODAY).getSessionDate()).isEqualTo(TODAY);
        assertThat(on(TODAY.plusYears(1)).getSessionDate()).isEqualTo(TODAY.plusYears(1));
    }

    @Test
    void dates_far_in_the_past_or_future_are_refused_on_the_date_field() {
        refusedOnDate(TODAY.minusYears(5).minusDays(1), "session.error.tooOld");
        refusedOnDate(LocalDate.of(1900, 1, 1), "session.error.tooOld");
        refusedOnDate(TODAY.plusYears(1).plusDays(1), "session.error.tooFar");
        refusedOnDate(LocalDate.of(9999, 12, 31), "session.error.tooFar");
    }

    @Test
    void a_session_covers_at_least_one_module() {
        assertThatThrownBy(() -> new TrainingSession(HOSPITAL, TODAY, "Dr F", false, Set.of(), TODAY))
                .isInstanceOf(RuleViolationException.class).extracting("messageKey")
                .isEqualTo("session.error.noModules");
    }

    @Test
    void attendance_is_recorded_on_the_day_of_the_session_or_after() {
        TrainingSession today = on(TODAY);
        assertThat(today.recordAttendance(Map.of(100L, Set.of(BURNOUT)), TODAY)).containsExactly(100L);
        TrainingSession past = on(TODAY.minusDays(3));
        assertThat(past.recordAttendance(Map.of(100L, Set.of(BURNOUT)), TODAY)).containsExactly(100L);
        assertThat(past.getAttendees()).containsExactly(100L);
    }

    @Test
    void attendance_before_the_session_date_is_refused_and_nothing_is_recorded() {
        TrainingSession tomorrow = on(TODAY.plusDays(1));
        assertThatThrownBy(() -> tomorrow.recordAttendance(Map.of(100L, Set.of(BURNOUT)), TODAY))
                .isInstanceOf(RuleViolationException.class).extracting("messageKey")
                .isEqualTo("session.error.notYet");
        assertThat(tomorrow.getAttendees()).isEmpty();
        assertThat(tomorrow.completedBy(100L)).isEmpty();
    }

    @Test
    void completing_a_module_the_session_did_not_cover_is_refused_and_nothing_changes() {
        TrainingSession session = on(TODAY.minusDays(1));
        session.recordAttendance(Map.of(100L, Set.of(BURNOUT, INTERACTION)), TODAY);
        assertThatThrownBy(() -> session.recordAttendance(
                Map.of(100L, Set.of(BURNOUT), 101L, Set.of(BURNOUT, NOT_COVERED)), TODAY))
                .isInstanceOf(RuleViolationException.class).extracting("messageKey")
                .isEqualTo("session.error.moduleNotCovered");
        assertThat(session.getAttendees()).containsExactly(100L);
        assertThat(session.completedBy(100L)).containsExactlyInAnyOrder(BURNOUT, INTERACTION);
        assertThat(session.completedBy(101L)).isEmpty();
    }

    @Test
    void an_attendee_with_modules_left_out_has_a_partial() {
        TrainingSession session = on(TODAY.minusDays(1));
        session.recordAttendance(Map.of(100L, Set.of(BURNOUT, RED_FLAGS), 101L, Set.of()), TODAY);
        assertThat(session.getAttendees()).containsExactlyInAnyOrder(100L, 101L);
        assertThat(session.completedBy(100L)).containsExactlyInAnyOrder(BURNOUT, RED_FLAGS);
        assertThat(session.completedBy(101L)).isEmpty();
    }

    @Test
    void recording_again_replaces_the_attendance_and_returns_everyone_whose_record_changed() {
        TrainingSession session = on(TODAY.minusDays(1));
        Map<Long, Set<Long>> first = new HashMap<>();
        first.put(100L, Set.of(BURNOUT, INTERACTION, RED_FLAGS));
        first.put(101L, Set.of(BURNOUT));
        assertThat(session.recordAttendance(first, TODAY)).containsExactlyInAnyOrder(100L, 101L);

        // 100 was ticked by mistake and is removed; 101 completes more; 102 joins with a partial.
        Map<Long, Set<Long>> second = new HashMap<>();
        second.put(101L, Set.of(BURNOUT, INTERACTION));
        second.put(102L, Set.of(RED_FLAGS));
        assertThat(session.recordAttendance(second, TODAY)).containsExactlyInAnyOrder(100L, 101L, 102L);
        assertThat(session.getAttendees()).containsExactlyInAnyOrder(101L, 102L);
        assertThat(session.completedBy(100L)).isEmpty();
        assertThat(session.completedBy(101L)).containsExactlyInAnyOrder(BURNOUT, INTERACTION);
        assertThat(session.completedBy(102L)).containsExactly(RED_FLAGS);

        // Unticking a module for an attendee takes that completion away.
        assertThat(session.recordAttendance(Map.of(101L, Set.of(INTERACTION), 102L, Set.of(RED_FLAGS)), TODAY))
                .containsExactlyInAnyOrder(101L, 102L);
        assertThat(session.completedBy(101L)).containsExactly(INTERACTION);

        // Nobody attended after all: everyone who was there is changed.
        assertThat(session.recordAttendance(Map.of(), TODAY)).containsExactlyInAnyOrder(101L, 102L);
        assertThat(session.getAttendees()).isEmpty();
        assertThat(session.completedBy(102L)).isEmpty();
    }

    @Test
    void a_refresher_and_its_modules_are_kept() {
        TrainingSession refresher = new TrainingSession(HOSPITAL, TODAY, "Dr F", true, Set.of(RED_FLAGS), TODAY);
        assertThat(refresher.isRefresher()).isTrue();
        assertThat(refresher.getModuleIds()).containsExactly(RED_FLAGS);
        assertThat(refresher.getHospitalId()).isEqualTo(HOSPITAL);
    }
}
