package org.peersupport.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.peersupport.audit.AuditLog;
import org.peersupport.shared.ActingUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Audits every change anybody makes through the app, and every export and survey result read:
 * who (the account), what (the address pattern, such as {@code /admin/accounts/{id}/disable}),
 * on which record (the address's ids) and when. Never a form's content. A change is one that
 * succeeded (it redirects, after POST-redirect-GET); a form shown again with errors changed
 * nothing. Because it sits on every handler, a new page or action is audited without anyone
 * remembering to.
 */
@Component
class AuditTrail implements HandlerInterceptor {

    /**
     * What a person does in confidence, for themselves, is never written down with them, not even
     * that they did it, because the time alone would tell an administrator reading the log:
     * answering a survey (anonymous), referring a colleague or oneself (the referrer is never
     * shown, and the referral module records no submission), declaring a private conflict or
     * pausing (a supporter's own record), and setting one's own password.
     */
    private static final List<String> CONFIDENTIAL = List.of("/s/", "/referrals/", "/my/", "/account/");

    private final AuditLog audit;

    AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (failure != null || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                instanceof String pattern) || CONFIDENTIAL.stream().anyMatch(pattern::startsWith)) {
            return;
        }
        int status = response.getStatus();
        boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && status >= 300 && status < 400;
        boolean read = "GET".equals(request.getMethod()) && status == 200 && isSensitiveRead(pattern);
        if (!change && !read) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ActingUser user)) {
            return;
        }
        audit.record(user.accountId(), request.getMethod(), abbreviate(pattern, 120), abbreviate(ids(request), 64));
    }

    /** Exports and survey results: reads of many people's figures at once. */
    private static boolean isSensitiveRead(String pattern) {
        return pattern.endsWith(".csv") || pattern.endsWith("/results");
    }

    /** The ids in the address, in its order; a one-time token is a secret, not an id, and is left out. */
    private static String ids(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || map.isEmpty()) {
            return "-";
        }
        List<String> ids = new ArrayList<>();
        map.forEach((name, value) -> ids.add("token".equals(name) ? "-" : String.valueOf(value)));
        return String.join("/", ids);
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
