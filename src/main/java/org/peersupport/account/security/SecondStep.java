package org.peersupport.account.security;

import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.domain.AccountRepository;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

/**
 * The step between a password and the app for administrators and coordinators: until they give a
 * code from their authenticator app, a recovery code, or a passkey, the session holds a
 * {@link Pending} sign-in, which is not signed in. It opens only the second-step pages, sign-out,
 * the crisis page and the passkey sign-in; everything else leads back to the second step. A sign-in
 * through a hospital's provider that says it asked for a second factor ({@code amr} has
 * {@code mfa}) goes straight in.
 */
@Component
public class SecondStep {

    public static final String PATH = "/login/second-factor";

    /** Wrong codes in one pending sign-in before it ends (each also counts in the sign-in throttle). */
    static final int ATTEMPTS = 5;

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final String FAILURES = "peersupport.secondStep.failures";

    private static final String PASSED = "peersupport.secondStep.passed";

    /** What a pending sign-in may reach. */
    private static final List<RequestMatcher> OPEN = java.util.stream.Stream.of(PATH, PATH + "/**", "/login",
            "/logout", "/crisis", "/assets/**", "/webjars/**", "/error", "/favicon.ico", "/login/webauthn",
            "/webauthn/authenticate/options").map(path -> (RequestMatcher) withDefaults().matcher(path)).toList();

    private final Clock clock;

    private final AccountRepository accounts;

    private final SignInThrottle throttle;

    SecondStep(Clock clock, AccountRepository accounts, SignInThrottle throttle) {
        this.clock = clock;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /** A password checked, a second factor not yet: no role, and not signed in. */
    public static final class Pending extends AbstractAuthenticationToken {

        @Serial
        private static final long serialVersionUID = 1L;

        private final long accountId;

        private final String email;

        private final Instant since;

        Pending(long accountId, String email, Instant since) {
            super(List.of());
            this.accountId = accountId;
            this.email = email;
            this.since = since;
            super.setAuthenticated(false);
        }

        public long accountId() {
            return accountId;
        }

        public String email() {
            return email;
        }

        @Override
        public void setAuthenticated(boolean authenticated) {
            if (authenticated) {
                throw new IllegalArgumentException("A pending sign-in is completed by SecondStep only");
            }
            super.setAuthenticated(false);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "account:" + accountId;
        }
    }

    /** The pending sign-in of this request, if it is one and not too old. */
    public Optional<Pending> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof Pending pending
                && clock.instant().isBefore(pending.since.plus(LIFETIME)) ? Optional.of(pending) : Optional.empty();
    }

    /** After a password (or a provider that did not ask for a second factor): staff go to the second step. */
    AuthenticationSuccessHandler gate(AuthenticationSuccessHandler then) {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof CurrentUser user && SecondFactors.required(user)
                    && !providerAskedSecondFactor(request)) {
                SessionContexts.save(new Pending(user.accountId(), user.email(), clock.instant()), request, response);
                response.sendRedirect(request.getContextPath() + PATH);
                return;
            }
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static boolean providerAskedSecondFactor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ProviderSignIn.AMR) instanceof List<?> amr
                && amr.contains("mfa");
    }

    /** Keeps a pending sign-in to the second step's pages; an expired one starts over. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (SecurityContextHolder.getContext().getAuthentication() instanceof Pending) {
                    if (pending().isEmpty()) {
                        end(request, response);
                        response.sendRedirect(request.getContextPath() + "/login?ended");
                        return;
                    }
                    if (OPEN.stream().noneMatch(open -> open.matches(request))) {
                        response.sendRedirect(request.getContextPath() + PATH);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * A wrong code: counted in this sign-in and in the account's sign-in throttle. True when the
     * sign-in is over (too many wrong codes): the person starts again from the password.
     */
    public boolean failed(HttpServletRequest request, HttpServletResponse response) {
        Pending pending = pending().orElseThrow();
        HttpSession session = request.getSession();
        int failures = session.getAttribute(FAILURES) instanceof Integer n ? n + 1 : 1;
        session.setAttribute(FAILURES, failures);
        boolean paused = throttle.failed(pending.email(), request.getRemoteAddr());
        if (paused || failures >= ATTEMPTS) {
            end(request, response);
            return true;
        }
        return false;
    }

    /** The second factor is set up and confirmed; the person reads their recovery codes before going on. */
    public void passed(HttpServletRequest request) {
        request.getSession().setAttribute(PASSED, Boolean.TRUE);
    }

    public boolean hasPassed(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(PASSED));
    }

    /**
     * Signs the person in for good: a new session id, their account as it is now (a disabled
     * account goes no further), then where they were going, or home.
     */
    public void complete(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Pending pending = pending().orElseThrow();
        CurrentUser user = accounts.findById(pending.accountId()).map(account -> account.toCurrentUser())
                .filter(CurrentUser::isEnabled).orElse(null);
        if (user == null) {
            end(request, response);
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        user.eraseCredentials();
        throttle.clear(user.email());
        request.getSession().removeAttribute(FAILURES);
        request.getSession().removeAttribute(PASSED);
        request.changeSessionId();
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SessionContexts.save(signedIn, request, response);
        SessionLifetime.started(request.getSession(), clock.instant(), signedIn);
        SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl("/");
        then.onAuthenticationSuccess(request, response, signedIn);
    }

    private void end(HttpServletRequest request, HttpServletResponse response) {
        SessionContexts.clear(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
