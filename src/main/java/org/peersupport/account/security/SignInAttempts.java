package org.peersupport.account.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins: the fifth in a row locks the account for 15 minutes. A good sign-in
 * clears the count. Unknown e-mail addresses change nothing, and the page says the same either way.
 * Failed sign-ins and lockouts of any account, and sign-ins of staff, are audited (never what was typed).
 */
@Component
class SignInAttempts {

    static final int LIMIT = 5;

    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final AccountRepository accounts;

    private final Clock clock;

    private final AuditLog audit;

    SignInAttempts(AccountRepository accounts, Clock clock, AuditLog audit) {
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String email = Account.normaliseEmail(event.getAuthentication().getName());
        Instant lockUntil = clock.instant().plus(LOCKOUT);
        accounts.recordFailedSignIn(email, LIMIT, lockUntil);
        accounts.findByEmail(email).ifPresent(account -> {
            String id = String.valueOf(account.getId());
            audit.record(account.getId(), "SIGN_IN_FAILED", "account", id);
            // Just locked by this failure (the database keeps microseconds, the clock may have more).
            if (account.getLockedUntil() != null && !account.getLockedUntil().isBefore(lockUntil.minusSeconds(1))) {
                audit.record(account.getId(), "LOCKED_OUT", "account", id);
            }
        });
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccessfulSignIn(Account.normaliseEmail(event.getAuthentication().getName()));
        // Staff sign-ins only: a physician's sign-in a minute before a referral arrived would point
        // an administrator reading the log at its anonymous referrer.
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user
                && (user.has(Role.ADMIN) || user.has(Role.COORDINATOR))) {
            audit.record(user.accountId(), "SIGN_IN", "account", String.valueOf(user.accountId()));
        }
    }
}
