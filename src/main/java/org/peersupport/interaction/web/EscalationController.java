package org.peersupport.interaction.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peersupport.account.CurrentUser;
import org.peersupport.interaction.InteractionService;
import org.peersupport.interaction.domain.EscalationAcknowledgement;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators and coordinators: escalated contacts in their hospitals, newest first, on cases
 * and check-ins alike, all or only those nobody has acknowledged yet. Date, people, resources and
 * action, and the acknowledgement; never which red flag, never a supporter's note. A coordinator
 * acknowledges an escalation of their hospitals with a note of what was done; another hospital's
 * escalation does not exist for them (404). Supporters and physicians get a 403.
 */
@Controller
class EscalationController {

    record AcknowledgeForm(@NotBlank @Size(max = EscalationAcknowledgement.MAX_NOTE) String note) {
    }

    private final InteractionService interactions;

    EscalationController(InteractionService interactions) {
        this.interactions = interactions;
    }

    @GetMapping("/escalations")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("escalations", interactions.escalations(user, open,
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), 25)));
        model.addAttribute("open", open);
        model.addAttribute("baseUrl", open ? "/escalations?open=true" : "/escalations");
        return "interaction/escalations";
    }

    @GetMapping("/escalations/{id}/acknowledge")
    String acknowledgeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("form", new AcknowledgeForm(null));
        return page(user, id, model);
    }

    @PostMapping("/escalations/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @ModelAttribute("form") AcknowledgeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (FormErrors.attempt(result, () -> interactions.acknowledge(id, form.note(), user))) {
            redirect.addFlashAttribute("flash", "escalation.acknowledged");
            return "redirect:/escalations?open=true";
        }
        return page(user, id, model);
    }

    private String page(CurrentUser user, UUID id, Model model) {
        model.addAttribute("escalation", interactions.escalation(id, user));
        return "interaction/acknowledge";
    }
}
