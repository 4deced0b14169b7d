package org.peersupport.interaction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.EscalationAction;
import org.peersupport.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a contact is logged by: when, how long, the escalation a red flag forces, note and follow-up. */
class InteractionTest {

    static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");

    static final Instant NOW = Instant.parse("2026-11-26T21:00:00Z");

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final UUID CASE = UUID.randomUUID();

    static final Interaction.Subject SUBJECT = new Interaction.Subject(1, 2, 3, 4, CASE);

    static final Interaction.Window WINDOW = new Interaction.Window(CREATED, "interaction.error.beforeCase", NOW, TODAY,
            Set.of(10L, 11L));

    static ContactDetails connected(Instant at) {
        return new ContactDetails(at, ContactMode.PHONE, 30, ContactOutcome.CONNECTED, false, Set.of(), null, null,
                null, UUID.randomUUID());
    }

    static ContactDetails redFlag(Set<Long> resources, EscalationAction action) {
        return new ContactDetails(NOW.minusSeconds(600), ContactMode.IN_PERSON, 45, ContactOutcome.CONNECTED, true,
                resources, action, null, null, UUID.randomUUID());
    }

    /** Every field the refusal names, in order. */
    static List<String> fieldsOf(RuleViolationException ex) {
        return ex.violations().stream().map(RuleViolationException::field).toList();
    }

    @Test
    void a_connected_contact_is_logged_with_everything_reported() {
        Instant at = NOW.minus(Duration.ofHours(2));
        Interaction i = Interaction.log(SUBJECT, connected(at), WINDOW);
        assertThat(i.getOccurredAt()).isEqualTo(at);
        assertThat(i.getMode()).isEqualTo(ContactMode.PHONE);
        assertThat(i.getMinutes()).isEqualTo(30);
        assertThat(i.getOutcome()).isEqualTo(ContactOutcome.CONNECTED);
        assertThat(i.isEscalated()).isFalse();
        assertThat(i.getEscalationAction()).isNull();
        assertThat(i.getReferralId()).isEqualTo(CASE);
        assertThat(i.getLoggedAt()).isEqualTo(NOW);
    }

    @Test
    void a_red_flag_without_resources_or_action_is_refused_with_both_messages() {
        assertThatThrownBy(() -> Interaction.log(SUBJECT, redFlag(Set.of(), null), WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.messageKey()).isEqualTo("interaction.error.resourceRequired");
                    assertThat(fieldsOf(ex)).containsExactly("resourceIds", "action");
                });
    }

    @Test
    void a_red_flag_with_a_resource_but_no_action_is_refused() {
        assertThatThrownBy(() -> Interaction.log(SUBJECT, redFlag(Set.of(10L), null), WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        ex -> assertThat(fieldsOf(ex)).containsExactly("action"));
    }

    @Test
    void a_resource_the_hospital_may_not_use_is_refused() {
        assertThatThrownBy(() -> Interaction.log(SUBJECT, redFlag(Set.of(10L, 99L), EscalationAction.ADVISED), WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("interaction.error.resourceElsewhere"));
    }

    @Test
    void a_red_flag_with_resources_and_action_is_an_escalation() {
        Interaction i = Interaction.log(SUBJECT, redFlag(Set.of(10L, 11L), EscalationAction.WARM_HANDOFF), WINDOW);
        assertThat(i.isEscalated()).isTrue();
        assertThat(i.getResourceIds()).containsExactlyInAnyOrder(10L, 11L);
        assertThat(i.getEscalationAction()).isEqualTo(EscalationAction.WARM_HANDOFF);
    }

    @Test
    void without_a_red_flag_no_escalation_is_kept() {
        ContactDetails details = new ContactDetails(NOW, ContactMode.VIDEO, 15, ContactOutcome.CONNECTED, false,
                Set.of(10L), EscalationAction.ADVISED, null, null, null);
        Interaction i = Interaction.log(SUBJECT, details, WINDOW);
        assertThat(i.isEscalated()).isFalse();
        assertThat(i.getResourceIds()).isEmpty();
        assertThat(i.getEscalationAction()).isNull();
    }

    @Test
    void a_contact_in_the_future_is_refused_but_a_few_minutes_of_clock_skew_is_not() {
        assertThat(Interaction.log(SUBJECT, connected(NOW.plus(Duration.ofMinutes(4))), WINDOW)).isNotNull();
        assertThatThrownBy(() -> Interaction.log(SUBJECT, connected(NOW.plus(Duration.ofMinutes(10))), WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("when");
                    assertThat(ex.messageKey()).isEqualTo("interaction.error.future");
                });
    }

    @Test
    void a_contact_before_the_case_existed_is_refused() {
        assertThatThrownBy(() -> Interaction.log(SUBJECT, connected(CREATED.minusSeconds(1)), WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        ex -> assertThat(ex.messageKey()).isEqualTo("interaction.error.beforeCase"));
        assertThat(Interaction.log(SUBJECT, connected(CREATED), WINDOW).getOccurredAt()).isEqualTo(CREATED);
    }

    @Test
    void a_contact_in_the_minute_the_case_arrived_is_not_before_it() {
        Interaction.Window window = new Interaction.Window(CREATED.plusSeconds(40), "interaction.error.beforeCase", NOW,
                TODAY, Set.of());
        assertThat(Interaction.log(SUBJECT, connected(CREATED), window).getOccurredAt()).isEqualTo(CREATED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1441, Integer.MAX_VALUE})
    void a_duration_of_zero_or_over_a_day_is_refused(int minutes) {
        ContactDetails details = new ContactDetails(NOW, ContactMode.PHONE, minutes, ContactOutcome.CONNECTED, false,
                Set.of(), null, null, null, null);
        assertThatThrownBy(() -> Interaction.log(SUBJECT, details, WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.field()).isEqualTo("minutes"));
    }

    @Test
    void one_minute_and_a_whole_day_are_accepted() {
        for (int minutes : new int[] {1, 1440}) {
            ContactDetails details = new ContactDetails(NOW, ContactMode.PHONE, minutes, ContactOutcome.NO_RESPONSE,
                    false, Set.of(), null, null, null, null);
            assertThat(Interaction.log(SUBJECT, details, WINDOW).getMinutes()).isEqualTo(minutes);
        }
    }

    @Test
    void everything_missing_is_reported_at_once() {
        ContactDetails empty = new ContactDetails(null, null, null, null, false, null, null, null, null, null);
        assertThatThrownBy(() -> Interaction.log(SUBJECT, empty, WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        ex -> assertThat(fieldsOf(ex)).containsExactly("when", "mode", "minutes", "outcome"));
    }

    @Test
    void a_note_over_1000_characters_is_refused_and_one_of_1000_is_kept_apart() {
        ContactDetails tooLong = new ContactDetails(NOW, ContactMode.PHONE, 30, ContactOutcome.CONNECTED, false,
                Set.of(), null, "x".repeat(1001), null, null);
        assertThatThrownBy(() -> Interaction.log(SUBJECT, tooLong, WINDOW))
                .isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.field()).isEqualTo("note"));
        Interaction i = Interaction.log(SUBJECT, connected(NOW), WINDOW);
        assertThat(i.note("y".repeat(1000), 7)).get().satisfies(n -> {
            assertThat(n.getBody()).isEqualTo("y".repeat(1000));
            assertThat(n.getAuthorAccountId()).isEqualTo(7);
        });
        assertThat(i.note("   ", 7)).isEmpty();
        assertThat(i.note(null, 7)).isEmpty();
    }

    @Test
    void a_follow_up_must_be_today_or_later_and_within_a_year() {
        for (LocalDate bad : new LocalDate[] {TODAY.minusDays(1), TODAY.plusDays(366)}) {
            ContactDetails details = new ContactDetails(NOW, ContactMode.PHONE, 30, ContactOutcome.CONNECTED, false,
                    Set.of(), null, null, bad, null);
            assertThatThrownBy(() -> Interaction.log(SUBJECT, details, WINDOW)).as(bad.toString())
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            ex -> assertThat(ex.field()).isEqualTo("followUpOn"));
        }
        ContactDetails today = new ContactDetails(NOW, ContactMode.PHONE, 30, ContactOutcome.CONNECTED, false,
                Set.of(), null, null, TODAY, null);
        assertThat(Interaction.log(SUBJECT, today, WINDOW).getFollowUpOn()).isEqualTo(TODAY);
    }
}
