package org.peersupport.account;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends every open session of an account. The registry lives in this instance's memory; with
 * several instances behind a balancer a shared session store (Spring Session JDBC) takes its place.
 */
@Component
class AccountSessions {

    private final SessionRegistry registry;

    AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    void endAll(long accountId) {
        registry.getAllPrincipals().stream()
                .filter(p -> p instanceof CurrentUser user && user.accountId() == accountId)
                .flatMap(p -> registry.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}
