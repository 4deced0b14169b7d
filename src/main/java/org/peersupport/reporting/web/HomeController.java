package org.peersupport.reporting.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.Role;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.RosterService;
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

    private final RosterService roster;

    HomeController(OrganizationService organization, RosterService roster) {
        this.organization = organization;
        this.roster = roster;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("programName", organization.settings().programName());
        if (user.has(Role.ADMIN) || user.has(Role.COORDINATOR)) {
            HospitalScope scope = user.hospitalScope();
            var hospitals = organization.hospitals(scope);
            var departments = organization.departments(scope);
            model.addAttribute("hospitals", hospitals);
            model.addAttribute("departmentCount", departments.stream().filter(d -> d.active()).count());
            model.addAttribute("rosterCount", roster.countActive(scope));
        }
        return "home/home";
    }
}
