package org.peersupport.account.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every open session of an account, on every instance: the sessions live in PostgreSQL,
 * indexed by account id at sign-in. Each is marked ended rather than deleted, so its next request,
 * on whichever instance, is told why it must sign in again ({@link SessionLifetime}).
 */
@Component
public class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    public void endAll(long accountId) {
        endAll(sessions, accountId);
    }

    private static <S extends Session> void endAll(FindByIndexNameSessionRepository<S> repository, long accountId) {
        for (S session : repository.findByPrincipalName(indexName(accountId)).values()) {
            session.setAttribute(SessionLifetime.ENDED, Boolean.TRUE);
            repository.save(session);
        }
    }

    /** The session index value of an account: its id, which never changes, unlike its e-mail. */
    static String indexName(long accountId) {
        return "account:" + accountId;
    }
}
