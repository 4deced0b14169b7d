package org.peersupport.interaction.web;

import org.peersupport.account.CurrentUser;
import org.peersupport.interaction.InteractionService;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators and coordinators: escalated contacts in their hospitals, newest first, on cases
 * and check-ins alike. Date, people, resources and action; never which red flag, never a note.
 */
@Controller
class EscalationController {

    private final InteractionService interactions;

    EscalationController(InteractionService interactions) {
        this.interactions = interactions;
    }

    @GetMapping("/escalations")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("escalations", interactions.escalations(user, PageRequest.of(Math.max(page, 0), 25)));
        return "interaction/escalations";
    }
}
