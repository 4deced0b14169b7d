package org.peersupport.account.security;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts every failed sign-in (a wrong password, an unknown address, a disabled account: all
 * alike) in the {@link SignInThrottle}, and empties the address's bucket on a good one. Failed
 * sign-ins and pauses of any account, and sign-ins of staff, are audited (never what was typed).
 */
@Component
class SignInAttempts {

    private final SignInThrottle throttle;

    private final AccountRepository accounts;

    private final AuditLog audit;

    SignInAttempts(SignInThrottle throttle, AccountRepository accounts, AuditLog audit) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken) {
            return; // a provider's refusal: ProviderSignIn audits it, and no password was guessed
        }
        String email = Account.normaliseEmail(event.getAuthentication().getName());
        String client = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        boolean paused = throttle.failed(email, client);
        accounts.findByEmail(email).ifPresent(account -> {
            String id = String.valueOf(account.getId());
            audit.record(account.getId(), "SIGN_IN_FAILED", "account", id);
            if (paused) {
                audit.record(account.getId(), "LOCKED_OUT", "account", id);
            }
        });
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        CurrentUser user = principal instanceof ProviderSignIn.ProviderUser provided ? provided.currentUser()
                : principal instanceof CurrentUser current ? current : null;
        // A password that leads to the second step proves only half: wrong codes there keep counting,
        // however often the password is typed again, until SecondStep completes the sign-in.
        if (!(principal instanceof CurrentUser current && SecondFactors.required(current))) {
            throttle.clear(event.getAuthentication().getName());
        }
        // Staff sign-ins only: a physician's sign-in a minute before a referral arrived would point
        // an administrator reading the log at its anonymous referrer.
        if (user != null && (user.has(Role.ADMIN) || user.has(Role.COORDINATOR))) {
            audit.record(user.accountId(), "SIGN_IN", "account", String.valueOf(user.accountId()));
        }
    }
}
