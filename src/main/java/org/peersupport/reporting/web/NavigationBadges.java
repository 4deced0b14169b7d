package org.peersupport.reporting.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.referral.TriageService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterAttention;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The counts beside "Triage" and "Supporters" in the navigation, for coordinators and
 * administrators, over their own hospitals: the cases that need a coordinator to act (new, or
 * late for first contact) and the certifications about to run out. Read only when a page that
 * shows the navigation is rendered, never for a redirect.
 */
@ControllerAdvice
public class NavigationBadges {

    /** What the navigation shows; public for the templates' expressions. */
    public record Badges(long triage, long supporters) {
    }

    private final TriageService triage;

    private final SupporterAttention supporters;

    NavigationBadges(TriageService triage, SupporterAttention supporters) {
        this.triage = triage;
        this.supporters = supporters;
    }

    @ModelAttribute("badges")
    LazyContextVariable<Badges> badges(@AuthenticationPrincipal CurrentUser user) {
        if (user == null || !(user.has(Role.COORDINATOR) || user.has(Role.ADMIN))) {
            return null;
        }
        HospitalScope scope = user.hospitalScope();
        return new LazyContextVariable<>() {
            @Override
            protected Badges loadValue() {
                return new Badges(triage.attention(scope).toAct(), supporters.expiringCertifications(scope));
            }
        };
    }
}
