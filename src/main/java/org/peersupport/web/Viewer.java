package org.peersupport.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is looking at a page, for the navigation: {@code #viewer} in templates, read once per page.
 * Thirteen {@code sec:authorize} checks in the layout each built a Spring Security expression
 * context, a tenth of the triage page's CPU; these are the same role checks on the same
 * authentication. They only decide which links are shown: every page and action still checks the
 * caller's rights itself.
 */
@Component
public class Viewer extends TemplateObject {

    Viewer() {
        super("viewer");
    }

    /** The signed-in person's roles as the navigation asks for them; nobody signed in has none. */
    public record Roles(boolean signedIn, boolean physician, boolean supporter, boolean staff, boolean admin) {

        static Roles of(Authentication authentication) {
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                return new Roles(false, false, false, false, false);
            }
            Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            boolean admin = roles.contains("ROLE_ADMIN");
            return new Roles(true, roles.contains("ROLE_PHYSICIAN"), roles.contains("ROLE_SUPPORTER"),
                    admin || roles.contains("ROLE_COORDINATOR"), admin);
        }
    }

    @Override
    Object forPage() {
        return Roles.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
