package org.peersupport.account.security;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.PasskeyAdded;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.domain.Account;
import org.peersupport.account.domain.AccountRepository;
import org.peersupport.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys (WebAuthn, with Spring Security's relying party): kept in PostgreSQL, so every instance
 * knows them. A passkey is something the person has, unlocked by something they are or know, so it
 * signs anyone in alone, staff too. After the browser's ceremony the session holds the same
 * principal as after a password sign-in; a disabled account, or a passkey whose account is gone,
 * signs nobody in.
 */
@Configuration(proxyBeanMethods = false)
class PasskeySignIn {

    /** The browser's origins the passkeys are for, and their host: the relying party id. */
    record RelyingParty(String id, Set<String> origins) {

        static RelyingParty of(String baseUrl) {
            URI uri = URI.create(baseUrl.strip());
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return new RelyingParty(uri.getHost(), Set.of(origin));
        }
    }

    @Bean
    RelyingParty relyingParty(@Value("${peersupport.base-url}") String baseUrl) {
        return RelyingParty.of(baseUrl);
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    /**
     * The passkeys, in PostgreSQL. A new one is audited against its account, and its owner told by
     * e-mail; the same record saved again after each sign-in (its counter, its last use) is not.
     */
    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
            AccountRepository accounts, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        JdbcUserCredentialRepository stored = new JdbcUserCredentialRepository(jdbc);
        return new UserCredentialRepository() {
            @Override
            public void save(CredentialRecord record) {
                transactions.executeWithoutResult(status -> {
                    boolean added = stored.findByCredentialId(record.getCredentialId()) == null;
                    stored.save(record);
                    PublicKeyCredentialUserEntity user = added ? users.findById(record.getUserEntityUserId()) : null;
                    if (user != null) {
                        accounts.findByEmail(user.getName()).ifPresent(account -> {
                            audit.record(account.getId(), "PASSKEY_ADDED", "account", String.valueOf(account.getId()));
                            events.publishEvent(new PasskeyAdded(account.getId()));
                        });
                    }
                });
            }

            @Override
            public void delete(Bytes credentialId) {
                stored.delete(credentialId);
            }

            @Override
            public CredentialRecord findByCredentialId(Bytes credentialId) {
                return stored.findByCredentialId(credentialId);
            }

            @Override
            public java.util.List<CredentialRecord> findByUserId(Bytes userId) {
                return stored.findByUserId(userId);
            }
        };
    }

    /** Puts the account's principal in the session, and answers the browser's script as Spring's does. */
    static ObjectPostProcessor<WebAuthnAuthenticationFilter> handlers(AccountRepository accounts, AuditLog audit,
            TransactionTemplate transactions, java.time.Clock clock) {
        AuthenticationFailureHandler refused = (request, response, exception) -> answer(response,
                HttpServletResponse.SC_UNAUTHORIZED, Map.of("authenticated", false));
        AuthenticationSuccessHandler signedIn = (request, response, authentication) -> {
            CurrentUser user = transactions.execute(status -> accounts
                    .findByEmail(Account.normaliseEmail(authentication.getName())).map(Account::toCurrentUser)
                    .filter(CurrentUser::isEnabled).orElse(null));
            if (user == null) {
                SessionContexts.clear(request, response);
                refused.onAuthenticationFailure(request, response, null);
                return;
            }
            user.eraseCredentials();
            request.changeSessionId();
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
            SessionContexts.save(token, request, response);
            SessionLifetime.started(request.getSession(), clock.instant(), token);
            if (SecondFactors.required(user)) {
                transactions.executeWithoutResult(status -> audit.record(user.accountId(), "SIGN_IN_PASSKEY",
                        "account", String.valueOf(user.accountId())));
            }
            answer(response, HttpServletResponse.SC_OK,
                    Map.of("authenticated", true, "redirectUrl", target(request, response)));
        };
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationSuccessHandler(signedIn);
                filter.setAuthenticationFailureHandler(refused);
                return filter;
            }
        };
    }

    private static String target(HttpServletRequest request, HttpServletResponse response) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        return saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
    }

    private static void answer(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(JsonMapper.builder().build().writeValueAsString(body));
    }
}
