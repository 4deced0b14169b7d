package org.peersupport.reporting.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.interaction.InteractionService;
import org.peersupport.referral.TriageService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterAttention;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The counts beside "Triage", "Supporters" and "Escalations" (and its menu) in the navigation,
 * for coordinators and administrators, over their own hospitals: the cases that need a
 * coordinator to act (new, or late for first contact), the certifications about to run out and
 * the escalations nobody has acknowledged yet. Read only when a page that shows the navigation is
 * rendered, never for a redirect.
 */
@ControllerAdvice
public class NavigationBadges {

    /** What the navigation shows; public for the templates' expressions. */
    public record Badges(long triage, long supporters, long escalations) {
    }

    private final TriageService triage;

    private final SupporterAttention supporters;

    private final InteractionService interactions;

    NavigationBadges(TriageService triage, SupporterAttention supporters, InteractionService interactions) {
        this.triage = triage;
        this.supporters = supporters;
        this.interactions = interactions;
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
                return new Badges(triage.attention(scope).toAct(), supporters.expiringCertifications(scope),
                        interactions.unacknowledged(scope));
            }
        };
    }
}
