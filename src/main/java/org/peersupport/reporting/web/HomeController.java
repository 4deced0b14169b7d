package org.peersupport.reporting.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.interaction.InteractionService;
import org.peersupport.notification.Outbox;
import org.peersupport.organization.OrganizationService;
import org.peersupport.referral.CaseService;
import org.peersupport.reporting.DashboardService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.supporter.SupporterService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * One home page, with a section for each role the person holds: a physician's "Refer a
 * colleague", a supporter's cases, a coordinator's work queue (what needs them now, each count a
 * link to the list it counts) and program at a glance, an administrator's setup. Each section is
 * shown to its role only; the counts cover the caller's hospitals only.
 */
@Controller
class HomeController {

    private final OrganizationService organization;

    private final DashboardService dashboard;

    private final WorkQueue workQueue;

    private final InteractionService interactions;

    private final CaseService cases;

    private final SupporterService supporterRecords;

    private final Outbox outbox;

    HomeController(OrganizationService organization, DashboardService dashboard, WorkQueue workQueue,
            InteractionService interactions, CaseService cases, SupporterService supporterRecords, Outbox outbox) {
        this.outbox = outbox;
        this.organization = organization;
        this.dashboard = dashboard;
        this.workQueue = workQueue;
        this.interactions = interactions;
        this.cases = cases;
        this.supporterRecords = supporterRecords;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("programName", organization.settings().programName());
        if (user.has(Role.SUPPORTER)) {
            // What needs the supporter: counts and their own certification, naming nobody.
            user.physicianId().flatMap(supporterRecords::ofPhysician).ifPresent(me -> {
                model.addAttribute("me", me);
                model.addAttribute("waiting", cases.waiting(user));
                model.addAttribute("followUpsDue", interactions.followUpsDue(user));
            });
        }
        if (user.has(Role.ADMIN) || user.has(Role.COORDINATOR)) {
            HospitalScope scope = user.hospitalScope();
            DashboardService.Glance glance = dashboard.glance(scope);
            model.addAttribute("hospitals", organization.hospitals(scope));
            model.addAttribute("departmentCount", glance.departments());
            model.addAttribute("rosterCount", glance.physicians());
            WorkQueue.Counts work = workQueue.counts(scope);
            model.addAttribute("cases", work.cases());
            model.addAttribute("expiring", work.expiringCertifications());
            model.addAttribute("uncovered", work.uncoveredDepartments());
            model.addAttribute("escalations", work.escalations());
            // The navigation's counts are these: read once.
            model.addAttribute("badges", work.badges());
        }
        if (user.has(Role.ADMIN)) {
            model.addAttribute("outbox", outbox.health());
        }
        return "home/home";
    }
}
