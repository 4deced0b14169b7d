package org.peersupport.account.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person signed in by a hospital's identity provider is here. Matched by e-mail, and only
 * by one the provider says it verified. Someone with no account who is an active physician on the
 * roster gets a PHYSICIAN account at once, and never more: the provider grants no other role.
 * Everyone else is refused, with the reason the sign-in page then gives.
 */
@Component
class ProviderAccounts {

    /** Why a provider's sign-in was refused: the sign-in page's message and the audit entry's action. */
    enum Refusal {
        EMAIL_NOT_VERIFIED, NOT_ON_ROSTER, ACCOUNT_DISABLED, HOSPITAL_NOT_ALLOWED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A refused sign-in, with the account it was for if there is one (for the audit log). */
    static final class Refused extends RuntimeException {

        private final Refusal refusal;

        private final Long accountId;

        Refused(Refusal refusal, Long accountId) {
            super(refusal.code());
            this.refusal = refusal;
            this.accountId = accountId;
        }

        Refusal refusal() {
            return refusal;
        }

        Long accountId() {
            return accountId;
        }
    }

    private final AccountRepository accounts;

    private final RosterService roster;

    private final PasswordEncoder passwordEncoder;

    ProviderAccounts(AccountRepository accounts, RosterService roster, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.roster = roster;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * The account for a provider's verified e-mail. {@code hospitals}: the only hospitals this
     * provider signs people in for, or empty for any.
     */
    @Transactional
    CurrentUser signIn(String email, boolean emailVerified, String name, Set<Long> hospitals) {
        if (email == null || email.isBlank() || !emailVerified) {
            throw new Refused(Refusal.EMAIL_NOT_VERIFIED, null);
        }
        String normalised = Account.normaliseEmail(email);
        var physician = roster.physicianByEmail(normalised).filter(PhysicianSummary::active);
        var existing = accounts.findByEmail(normalised);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (!account.isEnabled()) {
                throw new Refused(Refusal.ACCOUNT_DISABLED, account.getId());
            }
            if (!hospitals.isEmpty() && !serves(account, physician.orElse(null), hospitals)) {
                throw new Refused(Refusal.HOSPITAL_NOT_ALLOWED, account.getId());
            }
            return account.toCurrentUser();
        }
        if (physician.isEmpty() || accounts.existsByPhysicianId(physician.get().id())) {
            // An account linked to this roster row under another e-mail is not this person's to take.
            throw new Refused(Refusal.NOT_ON_ROSTER, null);
        }
        if (!hospitals.isEmpty() && !hospitals.contains(physician.get().hospitalId())) {
            throw new Refused(Refusal.HOSPITAL_NOT_ALLOWED, null);
        }
        // Signs in by the provider only, until they ask for a password link: this hash matches nothing anyone knows.
        String unknownPassword = UUID.randomUUID() + "-" + UUID.randomUUID();
        Account account = accounts.save(new Account(normalised, displayName(name, physician.get()),
                passwordEncoder.encode(unknownPassword), EnumSet.of(Role.PHYSICIAN), Set.of(),
                physician.get().id()));
        return account.toCurrentUser();
    }

    /** Whether the person works at one of the provider's hospitals: by their roster row, or as coordinator. */
    private static boolean serves(Account account, PhysicianSummary physician, Set<Long> hospitals) {
        Set<Long> theirs = new HashSet<>(account.getHospitalIds());
        if (physician != null) {
            theirs.add(physician.hospitalId());
        }
        return theirs.stream().anyMatch(hospitals::contains);
    }

    private static String displayName(String fromProvider, PhysicianSummary physician) {
        return List.of(physician.name(), fromProvider == null ? "" : fromProvider).stream()
                .filter(n -> !n.isBlank()).findFirst().orElse(physician.email());
    }
}
