package org.peersupport.account.security;

import java.time.Clock;
import java.time.Duration;

import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins: the fifth in a row locks the account for 15 minutes. A good sign-in
 * clears the count. Unknown e-mail addresses change nothing, and the page says the same either way.
 */
@Component
class SignInAttempts {

    static final int LIMIT = 5;

    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final AccountRepository accounts;

    private final Clock clock;

    SignInAttempts(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailedSignIn(Account.normaliseEmail(event.getAuthentication().getName()), LIMIT,
                clock.instant().plus(LOCKOUT));
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccessfulSignIn(Account.normaliseEmail(event.getAuthentication().getName()));
    }
}
