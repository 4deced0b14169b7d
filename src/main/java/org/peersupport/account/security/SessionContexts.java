package org.peersupport.account.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Puts a sign-in in the session (or takes it out) after Spring Security has saved its own: a
 * provider's or a passkey's sign-in becomes the account's principal, a password a pending one.
 */
final class SessionContexts {

    private static final SecurityContextRepository CONTEXTS = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private SessionContexts() {
    }

    static void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        CONTEXTS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }
}
