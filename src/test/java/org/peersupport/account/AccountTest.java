package org.peersupport.account;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peersupport.account.domain.Account;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.RuleViolationException;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {

    private static Account account(String email, String name, String hash, Set<Role> roles, Set<Long> hospitals,
            Long physicianId) {
        Account account = new Account(email, name, hash, roles, hospitals, physicianId);
        ReflectionTestUtils.setField(account, "id", 1L);
        return account;
    }

    @Test
    void aCoordinatorNeedsAHospitalAndSeesOnlyItsHospitals() {
        assertThatThrownBy(() -> account("c@x.org", "C", "{noop}x", EnumSet.of(Role.COORDINATOR), Set.of(), null))
                .isInstanceOf(RuleViolationException.class).hasMessage("account.error.coordinatorNeedsHospital");
        Account account = account("C@X.org", "C", "{noop}x", EnumSet.of(Role.COORDINATOR), Set.of(7L), null);
        assertThat(account.getEmail()).isEqualTo("c@x.org");
        assertThat(account.toCurrentUser().hospitalScope()).isEqualTo(HospitalScope.of(Set.of(7L)));
    }

    @Test
    void scopesAreDroppedWhenTheCoordinatorRoleGoes() {
        Account account = account("c@x.org", "C", "{noop}x", EnumSet.of(Role.COORDINATOR), Set.of(7L), null);
        account.changeAccess("C", EnumSet.of(Role.ADMIN), Set.of(7L), null);
        assertThat(account.getHospitalIds()).isEmpty();
        assertThat(account.toCurrentUser().hospitalScope().all()).isTrue();
    }

    @Test
    void cliniciansNeedTheirRosterRow() {
        assertThatThrownBy(() -> account("s@x.org", "S", "{noop}x", EnumSet.of(Role.SUPPORTER), Set.of(), null))
                .isInstanceOf(RuleViolationException.class).hasMessage("account.error.clinicianNeedsRoster");
        Account supporter = account("s@x.org", "S", "{noop}x", EnumSet.of(Role.SUPPORTER), Set.of(), 42L);
        assertThat(supporter.toCurrentUser().physicianId()).contains(42L);
        assertThat(supporter.toCurrentUser().hospitalScope()).isEqualTo(HospitalScope.none());
    }

    @Test
    void anAccountNeedsARole() {
        assertThatThrownBy(() -> account("n@x.org", "N", "{noop}x", EnumSet.noneOf(Role.class), Set.of(), null))
                .isInstanceOf(RuleViolationException.class).hasMessage("account.error.noRole");
    }

    @Test
    void disablingAndEnablingShowInThePrincipal() {
        Account account = account("a@x.org", "A", "{noop}x", EnumSet.of(Role.ADMIN), Set.of(), null);
        account.disable();
        assertThat(account.toCurrentUser().isEnabled()).isFalse();
        account.enable();
        assertThat(account.toCurrentUser().isEnabled()).isTrue();
    }

    @Test
    void theSessionPrincipalIsEqualByAccountSoAllItsSessionsAreFound() {
        CurrentUser a = new CurrentUser(5, "a@x.org", "A", EnumSet.of(Role.ADMIN), Set.of(), null, "h", true);
        CurrentUser b = new CurrentUser(5, "b@x.org", "B", EnumSet.of(Role.PHYSICIAN), Set.of(), 1L, "h", true);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).doesNotContain("a@x.org");
    }
}
