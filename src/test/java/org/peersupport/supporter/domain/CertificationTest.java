package org.peersupport.supporter.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peersupport.supporter.CertificationState;
import org.peersupport.supporter.CertificationStatus;
import org.peersupport.supporter.domain.Certification.Completion;

import static org.assertj.core.api.Assertions.assertThat;

/** The certification rule: derived from completions, renewed by refreshers, expiring after the validity. */
class CertificationTest {

    static final long BURNOUT = 1;

    static final long INTERACTION = 2;

    static final long RED_FLAGS = 3;

    static final long OPTIONAL = 9;

    static final Set<Long> REQUIRED = Set.of(BURNOUT, INTERACTION, RED_FLAGS);

    static final LocalDate JUNE_3 = LocalDate.of(2025, 6, 3);

    static Completion done(long module, LocalDate date) {
        return new Completion(module, date, false);
    }

    static Completion refresher(long module, LocalDate date) {
        return new Completion(module, date, true);
    }

    @Nested
    class CertifiedOn {

        @Test
        void nothing_done_is_no_certification() {
            assertThat(Certification.certifiedOn(List.of(), REQUIRED)).isEmpty();
        }

        @Test
        void every_required_module_in_one_session_certifies_on_that_day() {
            assertThat(Certification.certifiedOn(
                    List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3), done(RED_FLAGS, JUNE_3)), REQUIRED))
                    .contains(JUNE_3);
        }

        @Test
        void optional_modules_do_not_replace_a_required_one() {
            assertThat(Certification.certifiedOn(
                    List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3), done(OPTIONAL, JUNE_3)), REQUIRED))
                    .isEmpty();
        }

        @Test
        void a_later_optional_module_outside_a_refresher_does_not_renew() {
            List<Completion> completions = List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3),
                    done(RED_FLAGS, JUNE_3), done(OPTIONAL, JUNE_3.plusMonths(3)));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).contains(JUNE_3);
        }

        @Test
        void a_partial_is_no_completion() {
            // Red flags was covered in the session but not ticked for this attendee: no completion row.
            assertThat(Certification.certifiedOn(List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3)),
                    REQUIRED)).isEmpty();
        }

        @Test
        void modules_spread_over_sessions_certify_on_the_day_of_the_last_required_one() {
            LocalDate first = LocalDate.of(2025, 3, 10);
            LocalDate second = LocalDate.of(2025, 4, 14);
            LocalDate third = LocalDate.of(2025, 5, 20);
            List<Completion> completions = List.of(done(INTERACTION, second), done(BURNOUT, first),
                    done(OPTIONAL, LocalDate.of(2025, 2, 1)), done(RED_FLAGS, third));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).contains(third);
        }

        @Test
        void nothing_before_the_full_set_even_with_refreshers() {
            List<Completion> completions = List.of(done(BURNOUT, JUNE_3), refresher(INTERACTION, JUNE_3.plusDays(7)),
                    refresher(OPTIONAL, JUNE_3.plusDays(8)));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).isEmpty();
        }

        @Test
        void a_refresher_completion_of_any_module_after_certification_renews() {
            LocalDate renewal = LocalDate.of(2027, 5, 2);
            List<Completion> completions = List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3),
                    done(RED_FLAGS, JUNE_3), refresher(OPTIONAL, renewal));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).contains(renewal);
        }

        @Test
        void a_refresher_before_the_full_set_does_not_move_the_first_certification() {
            LocalDate refresherDay = LocalDate.of(2025, 5, 1);
            List<Completion> completions = List.of(refresher(BURNOUT, refresherDay), done(INTERACTION, JUNE_3),
                    done(RED_FLAGS, JUNE_3));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).contains(JUNE_3);
        }

        @Test
        void a_later_completion_of_a_required_module_renews() {
            LocalDate again = LocalDate.of(2026, 9, 30);
            List<Completion> completions = List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3),
                    done(RED_FLAGS, JUNE_3), done(INTERACTION, again));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).contains(again);
        }

        @Test
        void the_order_of_completions_does_not_matter() {
            LocalDate again = LocalDate.of(2026, 9, 30);
            List<Completion> completions = List.of(done(INTERACTION, again), done(RED_FLAGS, JUNE_3),
                    done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3));
            assertThat(Certification.certifiedOn(completions, REQUIRED)).contains(again);
        }

        @Test
        void a_curriculum_with_no_required_module_certifies_nobody() {
            assertThat(Certification.certifiedOn(List.of(done(OPTIONAL, JUNE_3)), Set.of())).isEmpty();
        }

        @Test
        void a_module_made_required_later_is_needed_too() {
            List<Completion> completions = List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3),
                    done(RED_FLAGS, JUNE_3));
            Set<Long> withOptionalRequired = Set.of(BURNOUT, INTERACTION, RED_FLAGS, OPTIONAL);
            assertThat(Certification.certifiedOn(completions, withOptionalRequired)).isEmpty();
        }
    }

    @Nested
    class Status {

        @Test
        void no_date_is_not_certified() {
            CertificationStatus status = CertificationStatus.of(null, 24, JUNE_3);
            assertThat(status.state()).isEqualTo(CertificationState.NOT_CERTIFIED);
            assertThat(status.expiresOn()).isNull();
            assertThat(status.current(JUNE_3)).isFalse();
        }

        @Test
        void certified_on_the_day_itself() {
            CertificationStatus status = CertificationStatus.of(JUNE_3, 24, JUNE_3);
            assertThat(status.state()).isEqualTo(CertificationState.CERTIFIED);
            assertThat(status.expiresOn()).isEqualTo(LocalDate.of(2027, 6, 3));
            assertThat(status.current(JUNE_3)).isTrue();
            assertThat(status.current(JUNE_3.minusDays(1))).as("not before it began").isFalse();
        }

        @Test
        void the_day_before_expiry_is_still_certified_and_expiry_day_is_expired() {
            LocalDate expiresOn = LocalDate.of(2027, 6, 3);
            CertificationStatus lastDay = CertificationStatus.of(JUNE_3, 24, expiresOn.minusDays(1));
            assertThat(lastDay.state()).isEqualTo(CertificationState.EXPIRING);
            assertThat(lastDay.daysLeft()).isEqualTo(1);
            assertThat(lastDay.current(expiresOn.minusDays(1))).isTrue();

            CertificationStatus expired = CertificationStatus.of(JUNE_3, 24, expiresOn);
            assertThat(expired.state()).isEqualTo(CertificationState.EXPIRED);
            assertThat(expired.daysLeft()).isZero();
            assertThat(expired.current(expiresOn)).isFalse();

            assertThat(CertificationStatus.of(JUNE_3, 24, expiresOn.plusYears(1)).daysLeft()).isZero();
        }

        @Test
        void expiring_in_the_last_sixty_days_with_the_days_left() {
            LocalDate expiresOn = LocalDate.of(2027, 6, 3);
            CertificationStatus sixtyOne = CertificationStatus.of(JUNE_3, 24, expiresOn.minusDays(61));
            assertThat(sixtyOne.state()).isEqualTo(CertificationState.CERTIFIED);
            assertThat(sixtyOne.daysLeft()).isEqualTo(61);

            CertificationStatus sixty = CertificationStatus.of(JUNE_3, 24, expiresOn.minusDays(60));
            assertThat(sixty.state()).isEqualTo(CertificationState.EXPIRING);
            assertThat(sixty.daysLeft()).isEqualTo(60);

            CertificationStatus twelve = CertificationStatus.of(JUNE_3, 24, expiresOn.minusDays(12));
            assertThat(twelve.state()).isEqualTo(CertificationState.EXPIRING);
            assertThat(twelve.daysLeft()).isEqualTo(12);
            assertThat(twelve.current(expiresOn.minusDays(12))).isTrue();
        }

        @Test
        void a_shorter_validity_in_the_settings_brings_expiry_forward() {
            LocalDate today = LocalDate.of(2026, 8, 1);
            CertificationStatus twoYears = CertificationStatus.of(JUNE_3, 24, today);
            assertThat(twoYears.expiresOn()).isEqualTo(LocalDate.of(2027, 6, 3));
            assertThat(twoYears.state()).isEqualTo(CertificationState.CERTIFIED);

            CertificationStatus oneYear = CertificationStatus.of(JUNE_3, 12, today);
            assertThat(oneYear.expiresOn()).isEqualTo(LocalDate.of(2026, 6, 3));
            assertThat(oneYear.state()).isEqualTo(CertificationState.EXPIRED);

            CertificationStatus fourteenMonths = CertificationStatus.of(JUNE_3, 14, today);
            assertThat(fourteenMonths.expiresOn()).isEqualTo(LocalDate.of(2026, 8, 3));
            assertThat(fourteenMonths.state()).isEqualTo(CertificationState.EXPIRING);
            assertThat(fourteenMonths.daysLeft()).isEqualTo(2);
        }

        @Test
        void month_end_dates_expire_on_the_last_day_of_the_shorter_month() {
            LocalDate january31 = LocalDate.of(2026, 1, 31);
            assertThat(CertificationStatus.of(january31, 1, january31).expiresOn())
                    .isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(CertificationStatus.of(LocalDate.of(2027, 1, 31), 1, january31).expiresOn())
                    .isEqualTo(LocalDate.of(2027, 2, 28));
            assertThat(CertificationStatus.of(LocalDate.of(2028, 1, 31), 1, january31).expiresOn())
                    .as("leap year").isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(CertificationStatus.of(LocalDate.of(2024, 2, 29), 24, january31).expiresOn())
                    .isEqualTo(LocalDate.of(2026, 2, 28));

            CertificationStatus lastDay = CertificationStatus.of(january31, 1, LocalDate.of(2026, 2, 27));
            assertThat(lastDay.state()).isEqualTo(CertificationState.EXPIRING);
            assertThat(lastDay.daysLeft()).isEqualTo(1);
            assertThat(CertificationStatus.of(january31, 1, LocalDate.of(2026, 2, 28)).state())
                    .isEqualTo(CertificationState.EXPIRED);
        }

        @Test
        void a_renewal_starts_the_validity_again() {
            LocalDate renewal = LocalDate.of(2027, 5, 2);
            LocalDate certifiedOn = Certification.certifiedOn(List.of(done(BURNOUT, JUNE_3), done(INTERACTION, JUNE_3),
                    done(RED_FLAGS, JUNE_3), refresher(BURNOUT, renewal)), REQUIRED).orElseThrow();
            LocalDate dayAfterFirstExpiry = LocalDate.of(2027, 6, 4);
            CertificationStatus status = CertificationStatus.of(certifiedOn, 24, dayAfterFirstExpiry);
            assertThat(status.state()).isEqualTo(CertificationState.CERTIFIED);
            assertThat(status.expiresOn()).isEqualTo(LocalDate.of(2029, 5, 2));
        }
    }
}
