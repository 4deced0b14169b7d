package org.peersupport.referral.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.referral.Outcome;
import org.peersupport.referral.ReferralSource;
import org.peersupport.referral.ReferralStatus;
import org.peersupport.referral.Trigger;
import org.peersupport.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case's life cycle, NEW → ASSIGNED → CONTACTED → CLOSED, guarded by the aggregate itself:
 * every transition the program allows, and every one it refuses, with the state left untouched.
 */
class ReferralTest {

    static final Instant CREATED = Instant.parse("2026-03-02T08:00:00Z");

    static final Duration TARGET = Duration.ofHours(24);

    static final Duration URGENT_TARGET = Duration.ofHours(4);

    static final long ALICE = 11;

    static final long BOB = 12;

    static Referral referral() {
        return referral(false, null);
    }

    static Referral referral(boolean urgent, String context) {
        return new Referral(1, 2, 3, ReferralSource.COLLEAGUE, Trigger.ADVERSE_EVENT, urgent, context, null, CREATED);
    }

    static Referral assigned(long supporterId, Instant at) {
        Referral r = referral();
        r.assignTo(supporterId, at, TARGET);
        return r;
    }

    static Referral contacted(long supporterId) {
        Referral r = assigned(supporterId, CREATED.plusSeconds(60));
        r.contacted(CREATED.plusSeconds(3600));
        return r;
    }

    static Referral closed() {
        Referral r = referral();
        r.close(Outcome.WITHDRAWN, CREATED.plusSeconds(60), 0);
        return r;
    }

    // --- A new case ---

    @Test
    void a_new_case_is_new_with_nobody_assigned_and_nothing_due() {
        Referral r = referral();
        assertThat(r.getId()).isNotNull();
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.NEW);
        assertThat(r.getSupporterId()).isNull();
        assertThat(r.getDueAt()).isNull();
        assertThat(r.getOutcome()).isNull();
        assertThat(r.getCreatedAt()).isEqualTo(CREATED);
        assertThat(r.isOverdue(CREATED.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void each_case_gets_its_own_random_id() {
        assertThat(referral().getId()).isNotEqualTo(referral().getId());
    }

    @Test
    void context_of_500_characters_is_kept_as_typed() {
        String context = "<script>alert('x')</script> ".repeat(20).substring(0, Referral.MAX_CONTEXT);
        assertThat(context).hasSize(500);
        assertThat(referral(false, context).getContext()).isEqualTo(context);
    }

    @Test
    void context_over_500_characters_is_refused_on_the_context_field() {
        assertThatThrownBy(() -> referral(false, "x".repeat(501)))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("context");
                    assertThat(ex.messageKey()).isEqualTo("referral.error.contextTooLong");
                    assertThat(ex.arguments()).containsExactly(500);
                });
    }

    @Test
    void blank_context_is_stored_as_none() {
        assertThat(referral(false, "   ").getContext()).isNull();
        assertThat(referral(false, "").getContext()).isNull();
        assertThat(referral(false, null).getContext()).isNull();
    }

    // --- Joining: a later referral for the same person ---

    @Test
    void a_later_referral_raising_danger_makes_the_case_urgent() {
        Referral r = referral();
        r.joined(true);
        assertThat(r.isUrgent()).isTrue();
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.NEW);
    }

    @Test
    void a_later_referral_without_danger_never_lowers_urgency() {
        Referral urgent = referral(true, null);
        urgent.joined(false);
        assertThat(urgent.isUrgent()).isTrue();

        Referral ordinary = referral();
        ordinary.joined(false);
        assertThat(ordinary.isUrgent()).isFalse();
    }

    @Test
    void an_assigned_or_contacted_case_takes_later_referrals_and_keeps_its_supporter() {
        Referral r = assigned(ALICE, CREATED);
        r.joined(true);
        assertThat(r.isUrgent()).isTrue();
        assertThat(r.getSupporterId()).isEqualTo(ALICE);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);

        Referral c = contacted(ALICE);
        c.joined(false);
        assertThat(c.getStatus()).isEqualTo(ReferralStatus.CONTACTED);
    }

    @Test
    void a_closed_case_takes_no_later_referrals() {
        Referral r = closed();
        assertThatThrownBy(() -> r.joined(true)).isInstanceOf(IllegalStateException.class);
        assertThat(r.isUrgent()).isFalse();
    }

    // --- Assignment ---

    @Test
    void assigning_a_new_case_makes_first_contact_due_after_the_target() {
        Instant at = CREATED.plus(Duration.ofMinutes(90));
        Referral r = referral();
        r.assignTo(ALICE, at, TARGET);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
        assertThat(r.getSupporterId()).isEqualTo(ALICE);
        assertThat(r.getAssignedAt()).isEqualTo(at);
        assertThat(r.getDueAt()).isEqualTo(Instant.parse("2026-03-03T09:30:00Z"));
    }

    @Test
    void an_urgent_case_is_due_after_the_urgent_target_it_is_given() {
        Instant at = CREATED.plus(Duration.ofMinutes(90));
        Referral r = referral(true, null);
        r.assignTo(ALICE, at, URGENT_TARGET);
        assertThat(r.getDueAt()).isEqualTo(Instant.parse("2026-03-02T13:30:00Z"));
    }

    @Test
    void reassigning_an_assigned_case_gives_it_to_the_other_supporter_with_a_new_due_time() {
        Referral r = assigned(ALICE, CREATED);
        Instant later = CREATED.plus(Duration.ofHours(5));
        r.assignTo(BOB, later, TARGET);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
        assertThat(r.getSupporterId()).isEqualTo(BOB);
        assertThat(r.getAssignedAt()).isEqualTo(later);
        assertThat(r.getDueAt()).isEqualTo(later.plus(TARGET));
    }

    @Test
    void reassigning_to_the_same_supporter_is_refused_and_changes_nothing() {
        Referral r = assigned(ALICE, CREATED);
        Instant due = r.getDueAt();
        assertThatThrownBy(() -> r.assignTo(ALICE, CREATED.plus(Duration.ofHours(5)), TARGET))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("supporterId");
                    assertThat(ex.messageKey()).isEqualTo("referral.error.sameSupporter");
                });
        assertThat(r.getDueAt()).isEqualTo(due);
        assertThat(r.getAssignedAt()).isEqualTo(CREATED);
    }

    @Test
    void reassigning_a_contacted_case_keeps_it_contacted_and_keeps_its_first_contact() {
        Referral r = contacted(ALICE);
        Instant firstContact = r.getFirstContactAt();
        Instant due = r.getDueAt();
        Instant later = CREATED.plus(Duration.ofDays(3));
        r.assignTo(BOB, later, TARGET);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(r.getSupporterId()).isEqualTo(BOB);
        assertThat(r.getAssignedAt()).isEqualTo(later);
        assertThat(r.getFirstContactAt()).isEqualTo(firstContact);
        assertThat(r.getDueAt()).isEqualTo(due);
        assertThat(r.isOverdue(later.plus(Duration.ofDays(10)))).isFalse();
    }

    @Test
    void reassigning_a_contacted_case_to_the_same_supporter_is_refused() {
        Referral r = contacted(ALICE);
        assertThatThrownBy(() -> r.assignTo(ALICE, CREATED.plus(Duration.ofDays(3)), TARGET))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void assigning_a_closed_case_is_refused_and_changes_nothing() {
        Referral r = closed();
        assertThatThrownBy(() -> r.assignTo(ALICE, CREATED.plusSeconds(120), TARGET))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("referral.error.closed"));
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(r.getSupporterId()).isNull();
        assertThat(r.getDueAt()).isNull();
    }

    // --- Decline: the supporter hands the case back ---

    @Test
    void the_assigned_supporter_may_hand_the_case_back_to_the_queue() {
        Referral r = assigned(ALICE, CREATED);
        r.declineBy(ALICE);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.NEW);
        assertThat(r.getSupporterId()).isNull();
        assertThat(r.getAssignedAt()).isNull();
        assertThat(r.getDueAt()).isNull();
        assertThat(r.isOverdue(CREATED.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void a_handed_back_case_may_be_assigned_again() {
        Referral r = assigned(ALICE, CREATED);
        r.declineBy(ALICE);
        Instant later = CREATED.plus(Duration.ofHours(2));
        r.assignTo(BOB, later, TARGET);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
        assertThat(r.getDueAt()).isEqualTo(later.plus(TARGET));
    }

    @Test
    void another_supporter_cannot_hand_back_the_case() {
        Referral r = assigned(ALICE, CREATED);
        assertThatThrownBy(() -> r.declineBy(BOB)).isInstanceOfSatisfying(RuleViolationException.class,
                ex -> assertThat(ex.messageKey()).isEqualTo("referral.error.cannotDecline"));
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
        assertThat(r.getSupporterId()).isEqualTo(ALICE);
    }

    @Test
    void a_new_case_cannot_be_handed_back() {
        Referral r = referral();
        assertThatThrownBy(() -> r.declineBy(ALICE)).isInstanceOf(RuleViolationException.class);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.NEW);
    }

    @Test
    void a_contacted_case_cannot_be_handed_back() {
        Referral r = contacted(ALICE);
        assertThatThrownBy(() -> r.declineBy(ALICE)).isInstanceOf(RuleViolationException.class);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(r.getSupporterId()).isEqualTo(ALICE);
    }

    @Test
    void a_closed_case_cannot_be_handed_back() {
        Referral r = assigned(ALICE, CREATED);
        r.close(Outcome.ESCALATED, CREATED.plusSeconds(600), 0);
        assertThatThrownBy(() -> r.declineBy(ALICE)).isInstanceOf(RuleViolationException.class);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CLOSED);
    }

    // --- First contact ---

    @Test
    void the_first_contact_stops_the_clock() {
        Referral r = assigned(ALICE, CREATED);
        Instant at = CREATED.plus(Duration.ofHours(30));
        r.contacted(at);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(r.getFirstContactAt()).isEqualTo(at);
        assertThat(r.isOverdue(at.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void later_contacts_keep_the_first_one() {
        Referral r = contacted(ALICE);
        Instant first = r.getFirstContactAt();
        r.contacted(CREATED.plus(Duration.ofDays(5)));
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CONTACTED);
        assertThat(r.getFirstContactAt()).isEqualTo(first);
    }

    @Test
    void an_earlier_contact_logged_later_becomes_the_first() {
        Referral r = assigned(ALICE, CREATED);
        r.contacted(CREATED.plus(Duration.ofHours(5)));
        r.contacted(CREATED.plus(Duration.ofHours(2)));
        assertThat(r.getFirstContactAt()).isEqualTo(CREATED.plus(Duration.ofHours(2)));
    }

    @Test
    void a_contact_before_the_case_existed_is_refused() {
        Referral r = assigned(ALICE, CREATED);
        assertThatThrownBy(() -> r.contacted(CREATED.minusSeconds(60)))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("when");
                    assertThat(ex.messageKey()).isEqualTo("referral.error.contactBeforeCase");
                });
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
        assertThat(r.getFirstContactAt()).isNull();
    }

    @Test
    void a_new_case_cannot_be_contacted() {
        Referral r = referral();
        assertThatThrownBy(() -> r.contacted(CREATED.plusSeconds(60)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("referral.error.notAssigned"));
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.NEW);
        assertThat(r.getFirstContactAt()).isNull();
    }

    @Test
    void a_closed_case_cannot_be_contacted() {
        Referral r = closed();
        assertThatThrownBy(() -> r.contacted(CREATED.plusSeconds(600))).isInstanceOf(RuleViolationException.class);
        assertThat(r.getFirstContactAt()).isNull();
    }

    // --- Closing ---

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void a_new_case_closes_with_any_one_outcome(Outcome outcome) {
        Referral r = referral();
        Instant at = CREATED.plusSeconds(600);
        r.close(outcome, at, 2);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(r.getOutcome()).isEqualTo(outcome);
        assertThat(r.getClosedAt()).isEqualTo(at);
    }

    @Test
    void an_assigned_case_closes() {
        Referral r = assigned(ALICE, CREATED);
        r.close(Outcome.NO_RESPONSE, CREATED.plus(Duration.ofDays(3)), 2);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(r.getOutcome()).isEqualTo(Outcome.NO_RESPONSE);
        assertThat(r.isOverdue(CREATED.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void a_contacted_case_closes() {
        Referral r = contacted(ALICE);
        r.close(Outcome.SUPPORTED, CREATED.plus(Duration.ofDays(3)), 0);
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(r.getOutcome()).isEqualTo(Outcome.SUPPORTED);
        assertThat(r.getSupporterId()).isEqualTo(ALICE);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
    void no_response_needs_two_unanswered_attempts(int attempts) {
        Referral r = contacted(ALICE);
        assertThatThrownBy(() -> r.close(Outcome.NO_RESPONSE, CREATED.plus(Duration.ofDays(3)), attempts))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("outcome");
                    assertThat(ex.messageKey()).isEqualTo("referral.error.noResponseTooSoon");
                });
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.CONTACTED);
        r.close(Outcome.NO_RESPONSE, CREATED.plus(Duration.ofDays(3)), 2);
        assertThat(r.getOutcome()).isEqualTo(Outcome.NO_RESPONSE);
    }

    @Test
    void closing_twice_is_refused_and_keeps_the_first_outcome() {
        Referral r = referral();
        Instant first = CREATED.plusSeconds(600);
        r.close(Outcome.DUPLICATE, first, 0);
        assertThatThrownBy(() -> r.close(Outcome.SUPPORTED, CREATED.plusSeconds(1200), 0))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("outcome");
                    assertThat(ex.messageKey()).isEqualTo("referral.error.alreadyClosed");
                });
        assertThat(r.getOutcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(r.getClosedAt()).isEqualTo(first);
    }

    @Test
    void closing_needs_an_outcome() {
        Referral r = assigned(ALICE, CREATED);
        assertThatThrownBy(() -> r.close(null, CREATED.plusSeconds(600), 0))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("outcome");
                    assertThat(ex.messageKey()).isEqualTo("referral.error.outcomeRequired");
                });
        assertThat(r.getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
        assertThat(r.getClosedAt()).isNull();
    }

    // --- Overdue ---

    @Test
    void an_assigned_case_is_overdue_only_after_its_due_time() {
        Referral r = assigned(ALICE, CREATED);
        Instant due = CREATED.plus(TARGET);
        assertThat(r.getDueAt()).isEqualTo(due);
        assertThat(r.isOverdue(due.minusNanos(1))).isFalse();
        assertThat(r.isOverdue(due)).isFalse();
        assertThat(r.isOverdue(due.plusNanos(1))).isTrue();
        assertThat(r.isOverdue(due.plus(Duration.ofDays(2)))).isTrue();
    }
}
