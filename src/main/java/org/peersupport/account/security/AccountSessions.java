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
        endAllBut(sessions, accountId, null);
    }

    /** Ends every session of the account but one: the one in which the person just changed their password. */
    public void endAllBut(long accountId, String keptSessionId) {
        endAllBut(sessions, accountId, keptSessionId);
    }

    private static <S extends Session> void endAllBut(FindByIndexNameSessionRepository<S> repository, long accountId,
            String keptSessionId) {
        for (S session : repository.findByPrincipalName(indexName(accountId)).values()) {
            if (!session.getId().equals(keptSessionId)) {
                session.setAttribute(SessionLifetime.ENDED, Boolean.TRUE);
                repository.save(session);
            }
        }
    }

    /** The session index value of an account: its id, which never changes, unlike its e-mail. */
    static String indexName(long accountId) {
        return "account:" + accountId;
    }
}
