package org.peersupport.referral.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.organization.MatchingPolicy;
import org.peersupport.referral.domain.Matching.Exclusion;
import org.peersupport.referral.domain.Matching.Result;
import org.peersupport.referral.domain.Matching.Suggestion;
import org.peersupport.supporter.CertificationState;
import org.peersupport.supporter.CertificationStatus;
import org.peersupport.supporter.Eligibility;
import org.peersupport.supporter.Eligibility.Candidate;
import org.peersupport.supporter.Eligibility.Excluded;
import org.peersupport.supporter.ExclusionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Ranking the supporters who may take a case, from eligibility records built by hand: the
 * program's matching policy, then fewest open cases, then most certification left; those who
 * declined this case are left out; every exclusion is counted with its reason.
 */
class MatchingTest {

    static final long CASE_DEPARTMENT = 100;

    static final long OTHER_DEPARTMENT = 200;

    static final long THIRD_DEPARTMENT = 300;

    static Candidate candidate(long supporterId, long departmentId, int openCases, long daysLeft) {
        return candidate(supporterId, Set.of(departmentId), openCases, daysLeft);
    }

    static Candidate candidate(long supporterId, Set<Long> departments, int openCases, long daysLeft) {
        LocalDate certifiedOn = LocalDate.of(2026, 1, 1);
        return new Candidate(supporterId, 1000 + supporterId, departments, openCases, 3,
                new CertificationStatus(daysLeft <= 60 ? CertificationState.EXPIRING : CertificationState.CERTIFIED,
                        certifiedOn, certifiedOn.plusMonths(24), daysLeft));
    }

    static Eligibility eligibility(Candidate... candidates) {
        return new Eligibility(List.of(candidates), List.of(), List.of());
    }

    static List<Long> ids(Result result) {
        return result.suggestions().stream().map(Suggestion::supporterId).toList();
    }

    // --- The policy: same department, other department, or any ---

    @Test
    void same_department_policy_puts_the_case_departments_supporters_first_even_when_busier() {
        Eligibility eligibility = eligibility(
                candidate(1, OTHER_DEPARTMENT, 0, 700),
                candidate(2, CASE_DEPARTMENT, 2, 300),
                candidate(3, THIRD_DEPARTMENT, 1, 700),
                candidate(4, CASE_DEPARTMENT, 1, 300));
        Result result = Matching.rank(eligibility, MatchingPolicy.SAME_DEPARTMENT, CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(4L, 2L, 1L, 3L);
        assertThat(result.suggestions()).extracting(Suggestion::sameDepartment)
                .containsExactly(true, true, false, false);
        assertThat(result.excluded()).isEmpty();
        assertThat(result.excludedTotal()).isZero();
    }

    @Test
    void same_department_policy_still_suggests_other_departments_when_the_department_has_nobody() {
        Result result = Matching.rank(eligibility(candidate(1, OTHER_DEPARTMENT, 2, 100),
                candidate(2, THIRD_DEPARTMENT, 0, 100)), MatchingPolicy.SAME_DEPARTMENT, CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(2L, 1L);
    }

    @Test
    void a_supporter_serving_several_departments_counts_as_same_department_if_one_is_the_cases() {
        Result result = Matching.rank(eligibility(candidate(1, OTHER_DEPARTMENT, 0, 100),
                candidate(2, Set.of(THIRD_DEPARTMENT, CASE_DEPARTMENT), 2, 100)), MatchingPolicy.SAME_DEPARTMENT,
                CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(2L, 1L);
        assertThat(result.suggestions().get(0).sameDepartment()).isTrue();
    }

    @Test
    void other_department_policy_excludes_the_case_departments_supporters_and_says_why() {
        Eligibility eligibility = eligibility(
                candidate(1, CASE_DEPARTMENT, 0, 700),
                candidate(2, OTHER_DEPARTMENT, 2, 300),
                candidate(3, Set.of(OTHER_DEPARTMENT, CASE_DEPARTMENT), 0, 700),
                candidate(4, THIRD_DEPARTMENT, 1, 300));
        Result result = Matching.rank(eligibility, MatchingPolicy.OTHER_DEPARTMENT, CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(4L, 2L);
        assertThat(result.suggestions()).noneMatch(Suggestion::sameDepartment);
        assertThat(result.excluded()).containsExactly(entry(Exclusion.SAME_DEPARTMENT, 2L));
        assertThat(result.suggests(1)).isFalse();
        assertThat(result.suggests(3)).isFalse();
        assertThat(result.suggests(4)).isTrue();
    }

    @Test
    void other_department_policy_may_leave_nobody_to_suggest() {
        Result result = Matching.rank(eligibility(candidate(1, CASE_DEPARTMENT, 0, 700)),
                MatchingPolicy.OTHER_DEPARTMENT, CASE_DEPARTMENT, Set.of());
        assertThat(result.suggestions()).isEmpty();
        assertThat(result.excludedTotal()).isEqualTo(1);
    }

    @Test
    void any_policy_ignores_the_department() {
        Eligibility eligibility = eligibility(
                candidate(1, CASE_DEPARTMENT, 2, 700),
                candidate(2, OTHER_DEPARTMENT, 0, 300),
                candidate(3, CASE_DEPARTMENT, 1, 300));
        Result result = Matching.rank(eligibility, MatchingPolicy.ANY, CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(2L, 3L, 1L);
        assertThat(result.excluded()).isEmpty();
        assertThat(result.suggestions()).extracting(Suggestion::sameDepartment).containsExactly(false, true, true);
    }

    // --- Within the policy: fewest open cases, then most certification left ---

    @ParameterizedTest
    @EnumSource(MatchingPolicy.class)
    void fewest_open_cases_come_first(MatchingPolicy policy) {
        Result result = Matching.rank(eligibility(candidate(1, OTHER_DEPARTMENT, 2, 700),
                candidate(2, OTHER_DEPARTMENT, 0, 10), candidate(3, OTHER_DEPARTMENT, 1, 700)), policy,
                CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(2L, 3L, 1L);
        assertThat(result.suggestions()).extracting(Suggestion::openCases).containsExactly(0, 1, 2);
    }

    @ParameterizedTest
    @EnumSource(MatchingPolicy.class)
    void with_equal_open_cases_the_longest_certification_left_comes_first(MatchingPolicy policy) {
        Result result = Matching.rank(eligibility(candidate(1, OTHER_DEPARTMENT, 1, 30),
                candidate(2, OTHER_DEPARTMENT, 1, 500), candidate(3, OTHER_DEPARTMENT, 1, 200)), policy,
                CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(2L, 3L, 1L);
        assertThat(result.suggestions()).extracting(Suggestion::certificationDaysLeft).containsExactly(500L, 200L,
                30L);
    }

    @Test
    void open_cases_weigh_more_than_certification_left() {
        Result result = Matching.rank(eligibility(candidate(1, OTHER_DEPARTMENT, 1, 700),
                candidate(2, OTHER_DEPARTMENT, 0, 5)), MatchingPolicy.ANY, CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(2L, 1L);
    }

    @Test
    void a_full_tie_is_broken_by_supporter_id_so_the_order_is_stable() {
        Result result = Matching.rank(eligibility(candidate(9, OTHER_DEPARTMENT, 1, 100),
                candidate(3, OTHER_DEPARTMENT, 1, 100), candidate(5, OTHER_DEPARTMENT, 1, 100)), MatchingPolicy.ANY,
                CASE_DEPARTMENT, Set.of());
        assertThat(ids(result)).containsExactly(3L, 5L, 9L);
    }

    @Test
    void a_suggestion_carries_what_the_coordinator_is_shown() {
        Candidate c = candidate(7, CASE_DEPARTMENT, 2, 123);
        Result result = Matching.rank(eligibility(c), MatchingPolicy.SAME_DEPARTMENT, CASE_DEPARTMENT, Set.of());
        assertThat(result.suggestions()).singleElement()
                .isEqualTo(new Suggestion(7, 1007, Set.of(CASE_DEPARTMENT), true, 2, 3, 123));
    }

    // --- Left out: who declined this case, and everyone the supporter module excluded ---

    @ParameterizedTest
    @EnumSource(MatchingPolicy.class)
    void a_supporter_who_declined_this_case_is_not_suggested_again(MatchingPolicy policy) {
        Result result = Matching.rank(eligibility(candidate(1, OTHER_DEPARTMENT, 0, 700),
                candidate(2, OTHER_DEPARTMENT, 1, 700)), policy, CASE_DEPARTMENT, Set.of(1L));
        assertThat(ids(result)).containsExactly(2L);
        assertThat(result.suggests(1)).isFalse();
        assertThat(result.excluded()).containsExactly(entry(Exclusion.DECLINED_THIS_CASE, 1L));
    }

    @Test
    void a_declined_supporter_of_the_same_department_is_counted_once_as_declined() {
        Result result = Matching.rank(eligibility(candidate(1, CASE_DEPARTMENT, 0, 700),
                candidate(2, CASE_DEPARTMENT, 0, 700)), MatchingPolicy.OTHER_DEPARTMENT, CASE_DEPARTMENT, Set.of(1L));
        assertThat(result.suggestions()).isEmpty();
        assertThat(result.excluded()).containsOnly(entry(Exclusion.DECLINED_THIS_CASE, 1L),
                entry(Exclusion.SAME_DEPARTMENT, 1L));
        assertThat(result.excludedTotal()).isEqualTo(2);
    }

    @Test
    void declines_of_supporters_who_are_not_eligible_anyway_add_nothing() {
        Eligibility eligibility = new Eligibility(List.of(candidate(2, OTHER_DEPARTMENT, 0, 700)),
                List.of(new Excluded(1, ExclusionReason.OVER_CAPACITY)), List.of());
        Result result = Matching.rank(eligibility, MatchingPolicy.ANY, CASE_DEPARTMENT, Set.of(1L, 99L));
        assertThat(ids(result)).containsExactly(2L);
        assertThat(result.excluded()).containsExactly(entry(Exclusion.OVER_CAPACITY, 1L));
    }

    @Test
    void every_exclusion_of_the_supporter_module_is_counted_with_its_reason() {
        List<Excluded> excluded = new ArrayList<>();
        long id = 1;
        for (ExclusionReason reason : ExclusionReason.values()) {
            // One of the first reason, two of the second, and so on: each count must be its own.
            for (int i = 0; i <= reason.ordinal(); i++) {
                excluded.add(new Excluded(id++, reason));
            }
        }
        Eligibility eligibility = new Eligibility(List.of(candidate(500, CASE_DEPARTMENT, 0, 700),
                candidate(501, OTHER_DEPARTMENT, 0, 700), candidate(502, OTHER_DEPARTMENT, 0, 700)), excluded,
                List.of());

        Result result = Matching.rank(eligibility, MatchingPolicy.OTHER_DEPARTMENT, CASE_DEPARTMENT, Set.of(502L));

        assertThat(ids(result)).containsExactly(501L);
        assertThat(result.excluded()).containsOnly(
                entry(Exclusion.REFERRED_PHYSICIAN, 1L),
                entry(Exclusion.NOT_ACTIVE, 2L),
                entry(Exclusion.PAUSED, 3L),
                entry(Exclusion.NOT_CERTIFIED, 4L),
                entry(Exclusion.OVER_CAPACITY, 5L),
                entry(Exclusion.SAME_DEPARTMENT, 1L),
                entry(Exclusion.DECLINED_THIS_CASE, 1L));
        assertThat(result.excludedTotal()).isEqualTo(excluded.size() + 2);
        for (Excluded e : excluded) {
            assertThat(result.suggests(e.supporterId())).isFalse();
        }
    }

    @Test
    void every_reason_of_the_supporter_module_has_a_matching_exclusion() {
        assertThat(Arrays.stream(ExclusionReason.values()).map(Matching::exclusionFor)).doesNotContainNull();
    }

    @Test
    void nobody_eligible_means_no_suggestions_and_the_reasons_only() {
        Eligibility eligibility = new Eligibility(List.of(), List.of(new Excluded(2, ExclusionReason.PAUSED),
                new Excluded(3, ExclusionReason.PAUSED)), List.of(candidate(1, CASE_DEPARTMENT, 0, 700)));
        Result result = Matching.rank(eligibility, MatchingPolicy.SAME_DEPARTMENT, CASE_DEPARTMENT, Set.of());
        assertThat(result.suggestions()).isEmpty();
        assertThat(result.excluded()).isEqualTo(Map.of(Exclusion.PAUSED, 2L));
    }

    @Test
    void a_barred_supporter_is_left_out_without_a_reason_unless_a_visible_one_applies() {
        // 1 is barred (a referrer, or a declared conflict) and would rank first; 2 and 3 are barred
        // too, but declined the case or are from the same department: those are counted as usual.
        Eligibility eligibility = new Eligibility(List.of(candidate(4, OTHER_DEPARTMENT, 2, 700)), List.of(),
                List.of(candidate(1, OTHER_DEPARTMENT, 0, 700), candidate(2, OTHER_DEPARTMENT, 0, 700),
                        candidate(3, CASE_DEPARTMENT, 0, 700)));
        Result result = Matching.rank(eligibility, MatchingPolicy.OTHER_DEPARTMENT, CASE_DEPARTMENT, Set.of(2L));
        assertThat(ids(result)).containsExactly(4L);
        assertThat(result.excluded()).containsOnly(entry(Exclusion.DECLINED_THIS_CASE, 1L),
                entry(Exclusion.SAME_DEPARTMENT, 1L));
        assertThat(result.suggests(1L)).isFalse();
    }

    @Test
    void nobody_at_all_means_nothing_suggested_and_nothing_excluded() {
        Result result = Matching.rank(new Eligibility(List.of(), List.of(), List.of()), MatchingPolicy.ANY, CASE_DEPARTMENT,
                Set.of());
        assertThat(result.suggestions()).isEmpty();
        assertThat(result.excluded()).isEmpty();
        assertThat(result.suggests(1)).isFalse();
    }
}
