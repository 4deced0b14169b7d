package org.peersupport.account.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.audit.AuditLog;
import org.peersupport.shared.ActingUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins: the fifth in a row locks the account for 15 minutes. A good sign-in
 * clears the count. Unknown e-mail addresses change nothing, and the page says the same either way.
 * Every sign-in, failed sign-in and lockout of an account is audited (never what was typed).
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
        if (event.getAuthentication().getPrincipal() instanceof ActingUser user) {
            audit.record(user.accountId(), "SIGN_IN", "account", String.valueOf(user.accountId()));
        }
    }
}
