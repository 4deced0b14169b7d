package org.peersupport.account.security;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.support.Fixtures;
import org.peersupport.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whom a provider's sign-in finds, beyond what SingleSignOnTests goes through the provider for: a
 * provider limited to some hospitals, and roster rows that already belong to someone.
 */
@IntegrationTest
class ProviderAccountsTests {

    @Autowired
    ProviderAccounts provider;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Test
    void a_provider_limited_to_some_hospitals_signs_in_only_their_people() {
        var ours = fixtures.hospital();
        var theirs = fixtures.hospital();
        String email = Fixtures.uniqueEmail("limited");
        fixtures.physician(theirs.departmentId(), email);

        assertRefused(() -> provider.signIn(email, true, "Elsewhere", Set.of(ours.hospitalId())),
                ProviderAccounts.Refusal.HOSPITAL_NOT_ALLOWED);
        assertThat(accounts.accountByEmail(email)).as("no account made").isEmpty();
        assertThat(provider.signIn(email, true, "Here", Set.of(theirs.hospitalId())).roles())
                .containsExactly(Role.PHYSICIAN);

        // A coordinator counts as one of a hospital's people by the hospitals they work for.
        String coordinatorEmail = Fixtures.uniqueEmail("limited-coordinator");
        fixtures.account(coordinatorEmail, Set.of(Role.COORDINATOR), Set.of(ours.hospitalId()), null);
        assertThat(provider.signIn(coordinatorEmail, true, null, Set.of(ours.hospitalId())).has(Role.COORDINATOR))
                .isTrue();
        assertRefused(() -> provider.signIn(coordinatorEmail, true, null, Set.of(theirs.hospitalId())),
                ProviderAccounts.Refusal.HOSPITAL_NOT_ALLOWED);
    }

    @Test
    void a_roster_row_linked_to_another_account_is_not_taken_and_a_blank_email_is_not_one() {
        long department = fixtures.hospital().departmentId();
        String rosterEmail = Fixtures.uniqueEmail("linked");
        long physicianId = fixtures.physician(department, rosterEmail);
        CurrentUser linked = fixtures.account(Fixtures.uniqueEmail("linked-account"), Set.of(Role.PHYSICIAN), Set.of(),
                physicianId);

        assertRefused(() -> provider.signIn(rosterEmail, true, null, Set.of()), ProviderAccounts.Refusal.NOT_ON_ROSTER);
        assertThat(accounts.account(linked.accountId()).roles()).containsExactly(Role.PHYSICIAN);
        assertRefused(() -> provider.signIn("  ", true, null, Set.of()), ProviderAccounts.Refusal.EMAIL_NOT_VERIFIED);
        assertRefused(() -> provider.signIn(null, true, null, Set.of()), ProviderAccounts.Refusal.EMAIL_NOT_VERIFIED);
    }

    private static void assertRefused(Runnable signIn, ProviderAccounts.Refusal refusal) {
        assertThatThrownBy(signIn::run).isInstanceOfSatisfying(ProviderAccounts.Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }
}
