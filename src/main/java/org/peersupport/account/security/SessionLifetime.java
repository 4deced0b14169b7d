package org.peersupport.account.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.peersupport.account.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session for good once it is older than the absolute lifetime (12 hours), however
 * busy it has been, or once its account's sessions were ended ({@code AccountSessions}, from any
 * instance). The sign-in time is the app clock's, written into the session at sign-in; Spring
 * Session's own creation time is the JVM's, which the app clock may be set apart from.
 */
final class SessionLifetime extends OncePerRequestFilter {

    /** The app clock's instant of sign-in. */
    static final String SIGNED_IN_AT = "peersupport.signedInAt";

    /** Set by AccountSessions on every session of an account whose access changed. */
    static final String ENDED = "peersupport.ended";

    static final String ENDED_URL = "/login?ended";

    private final Clock clock;

    private final Duration absoluteLifetime;

    SessionLifetime(Clock clock, Duration absoluteLifetime) {
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && over(session)) {
            session.invalidate();
            response.sendRedirect(request.getContextPath() + ENDED_URL);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean over(HttpSession session) {
        if (Boolean.TRUE.equals(session.getAttribute(ENDED))) {
            return true;
        }
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && !clock.instant().isBefore(signedInAt.plus(absoluteLifetime));
    }

    /**
     * After sign-in (the session is already the new one): notes the time, and indexes the session
     * by account id, so that AccountSessions finds it even if the e-mail address changes.
     */
    AuthenticationSuccessHandler onSignIn(String defaultTargetUrl) {
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl(defaultTargetUrl);
        return (request, response, authentication) -> {
            started(request.getSession(), clock.instant(), authentication);
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Notes a sign-in just completed: its time, and its account for {@link AccountSessions}. */
    static void started(HttpSession session, Instant now, Authentication authentication) {
        session.setAttribute(SIGNED_IN_AT, now);
        indexName(authentication).ifPresent(
                name -> session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name));
    }

    private static java.util.Optional<String> indexName(Authentication authentication) {
        return authentication.getPrincipal() instanceof CurrentUser user
                ? java.util.Optional.of(AccountSessions.indexName(user.accountId()))
                : java.util.Optional.empty();
    }
}
