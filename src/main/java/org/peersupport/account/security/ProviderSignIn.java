package org.peersupport.account.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.peersupport.account.CurrentUser;
import org.peersupport.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through a hospital's OpenID Connect provider. The provider proves who the person is;
 * {@link ProviderAccounts} decides who they are here. Once in, the session holds the same
 * principal as after a password sign-in, so every page treats both alike, and the provider's ID
 * token, to end the provider's session too at sign-out. A refused or failed sign-in returns to the
 * sign-in page with a reason a person can act on, and is audited; never an error page.
 */
@Component
class ProviderSignIn {

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    static final String ID_TOKEN = "peersupport.provider.idToken";

    static final String REGISTRATION = "peersupport.provider.registration";

    /** What the identity provider says it checked ("mfa", "pwd", ...): a second factor need not be asked again. */
    static final String AMR = "peersupport.provider.amr";

    private static final String CALLBACK = "/login/oauth2/code/";

    private final ProviderAccounts accounts;

    private final SignInOptions options;

    private final AuditLog audit;

    ProviderSignIn(ProviderAccounts accounts, SignInOptions options, AuditLog audit) {
        this.accounts = accounts;
        this.options = options;
        this.audit = audit;
    }

    /** A provider's person, and who they are here. */
    static final class ProviderUser extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final CurrentUser currentUser;

        ProviderUser(OidcUser user, CurrentUser currentUser) {
            super(currentUser.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.currentUser = currentUser;
        }

        CurrentUser currentUser() {
            return currentUser;
        }
    }

    /** Reads the provider's claims (and its user-info endpoint, if it has one) and finds the account. */
    OidcUserService users() {
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser user = super.loadUser(request);
                String registrationId = request.getClientRegistration().getRegistrationId();
                try {
                    // Entra ID says it with its own optional claim: the e-mail's domain is the tenant's own.
                    boolean verified = Boolean.TRUE.equals(user.getEmailVerified())
                            || Boolean.TRUE.equals(user.getClaimAsBoolean("xms_edov"));
                    return new ProviderUser(user, accounts.signIn(user.getEmail(), verified, user.getFullName(),
                            options.hospitals(registrationId)));
                }
                catch (ProviderAccounts.Refused refused) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(refused.refusal().code()),
                            refused.getMessage(), refused);
                }
            }
        };
    }

    /** Puts the account's principal in the session in place of the provider's, then goes on as a password sign-in does. */
    AuthenticationSuccessHandler onSuccess(AuthenticationSuccessHandler then) {
        return (request, response, authentication) -> {
            if (!(authentication.getPrincipal() instanceof ProviderUser user)) {
                // A provider configured without the openid scope: plain OAuth 2 proves no one's e-mail.
                SessionContexts.clear(request, response);
                onFailure().onAuthenticationFailure(request, response,
                        new OAuth2AuthenticationException(new OAuth2Error("not_openid_connect")));
                return;
            }
            CurrentUser current = user.currentUser();
            UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(current,
                    null, current.getAuthorities());
            signedIn.setDetails(authentication.getDetails());
            SessionContexts.save(signedIn, request, response);
            HttpSession session = request.getSession();
            session.setAttribute(ID_TOKEN, user.getIdToken().getTokenValue());
            session.setAttribute(REGISTRATION, ((OAuth2AuthenticationToken) authentication).getAuthorizedClientRegistrationId());
            var amr = user.getIdToken().getClaimAsStringList("amr");
            session.setAttribute(AMR, amr == null ? new ArrayList<String>() : new ArrayList<>(amr));
            then.onAuthenticationSuccess(request, response, signedIn);
        };
    }

    /**
     * Back to the sign-in page with what went wrong, in words a person can act on; the audit log
     * keeps the provider's own error code. Never the e-mail or the token.
     */
    AuthenticationFailureHandler onFailure() {
        return (request, response, exception) -> {
            String code = exception instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode() : "unknown";
            Long accountId = exception.getCause() instanceof ProviderAccounts.Refused refused
                    ? refused.accountId() : null;
            String registrationId = registrationId(request);
            audit.record(accountId == null ? 0L : accountId, "SIGN_IN_REFUSED " + safe(code),
                    "provider", registrationId);
            log.info("Sign-in through provider {} refused: {}", registrationId, safe(code));
            response.sendRedirect(request.getContextPath() + "/login?refused=" + reason(code));
        };
    }

    /** The sign-in page's message for an error: our own refusals, or the protocol's, grouped. */
    static String reason(String code) {
        for (ProviderAccounts.Refusal refusal : ProviderAccounts.Refusal.values()) {
            if (refusal.code().equals(code)) {
                return refusal.code();
            }
        }
        return switch (code) {
            // A sign-in begun in another tab or too long ago, or a code already used or expired.
            case "authorization_request_not_found", "invalid_state_parameter", "invalid_grant",
                    "invalid_token_response", "client_authorization_required" -> "expired";
            case "access_denied" -> "cancelled";
            // A token not from this provider, not for this app, or not signed by its keys.
            default -> "provider";
        };
    }

    /** Notes the provider's session before the app's ends, so that the provider's can end too. */
    LogoutHandler rememberProvider() {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(ID_TOKEN) instanceof String token) {
                request.setAttribute(ID_TOKEN, token);
                request.setAttribute(REGISTRATION, session.getAttribute(REGISTRATION));
            }
        };
    }

    /**
     * After sign-out, the provider's own sign-out page where it has one (RP-initiated logout),
     * which returns to the sign-in page; else the sign-in page at once.
     */
    LogoutSuccessHandler onSignOut() {
        return (request, response, authentication) -> {
            String signedOut = request.getContextPath() + "/login?signedOut";
            String target = signedOut;
            if (request.getAttribute(ID_TOKEN) instanceof String token
                    && request.getAttribute(REGISTRATION) instanceof String registrationId
                    && options.registrations() != null) {
                ClientRegistration registration = options.registrations().findByRegistrationId(registrationId);
                Object endSession = registration == null ? null
                        : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
                if (endSession != null) {
                    String back = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                            .replacePath(request.getContextPath() + "/login").replaceQuery("signedOut").build()
                            .toUriString();
                    target = UriComponentsBuilder.fromUriString(endSession.toString())
                            .queryParam("id_token_hint", token).queryParam("post_logout_redirect_uri", back)
                            .encode().build().toUriString();
                }
            }
            response.sendRedirect(target);
        };
    }

    /** The provider a callback was for, if it is one configured here. */
    private String registrationId(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int at = uri.indexOf(CALLBACK);
        String id = at < 0 ? "" : uri.substring(at + CALLBACK.length());
        return options.providers().stream().map(SignInOptions.Provider::registrationId).filter(id::equals)
                .findFirst().orElse("unknown");
    }

    private static String safe(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return lower.matches("[a-z_]{1,60}") ? lower : "unknown";
    }
}
