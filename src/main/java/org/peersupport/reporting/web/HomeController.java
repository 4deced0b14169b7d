package org.peersupport.reporting.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.organization.OrganizationService;
import org.peersupport.reporting.DashboardService;
import org.peersupport.shared.HospitalScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * One home page, with a section for each role the person holds: a physician's "Refer a
 * colleague", a supporter's cases, a coordinator's program at a glance, an administrator's setup.
 */
@Controller
class HomeController {

    private final OrganizationService organization;

    private final DashboardService dashboard;

    HomeController(OrganizationService organization, DashboardService dashboard) {
        this.organization = organization;
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("programName", organization.settings().programName());
        if (user.has(Role.ADMIN) || user.has(Role.COORDINATOR)) {
            HospitalScope scope = user.hospitalScope();
            DashboardService.Glance glance = dashboard.glance(scope);
            model.addAttribute("hospitals", organization.hospitals(scope));
            model.addAttribute("departmentCount", glance.departments());
            model.addAttribute("rosterCount", glance.physicians());
        }
        return "home/home";
    }
}
