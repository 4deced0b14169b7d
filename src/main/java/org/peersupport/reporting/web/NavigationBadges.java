package org.peersupport.reporting.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.shared.HospitalScope;
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

    private final WorkQueue workQueue;

    NavigationBadges(WorkQueue workQueue) {
        this.workQueue = workQueue;
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
                return workQueue.badges(scope);
            }
        };
    }
}
