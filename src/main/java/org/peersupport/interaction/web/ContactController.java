package org.peersupport.interaction.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.peersupport.account.CurrentUser;
import org.peersupport.interaction.ContactDetails;
import org.peersupport.interaction.ContactMode;
import org.peersupport.interaction.ContactOutcome;
import org.peersupport.interaction.EscalationAction;
import org.peersupport.interaction.InteractionService;
import org.peersupport.interaction.InteractionViews.ContactTarget;
import org.peersupport.interaction.RedFlag;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.web.FormErrors;
import org.springframework.dao.DataIntegrityViolationException;
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
 * Supporters only: logging a contact on one of their open cases (another case is a 404), a
 * proactive check-in, and "My contacts" with follow-ups. Nobody else ever reads these notes.
 */
@Controller
class ContactController {

    private final InteractionService interactions;

    private final OrganizationService organization;

    private final Clock clock;

    ContactController(InteractionService interactions, OrganizationService organization, Clock clock) {
        this.interactions = interactions;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping("/contacts")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("followUps", interactions.followUps(user));
        model.addAttribute("contacts", interactions.myContacts(user, PageRequest.of(Math.max(page, 0), 20)));
        model.addAttribute("retentionDays", organization.settings().noteRetentionDays());
        return "interaction/mine";
    }

    @GetMapping("/cases/{id}/contact")
    String caseForm(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        ContactTarget target = interactions.caseTarget(id, user);
        model.addAttribute("form", ContactForm.blank(clock.instant(), target.zone(), null));
        return page(target, null, model);
    }

    @PostMapping("/cases/{id}/contact")
    String logOnCase(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @ModelAttribute("form") ContactForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        ContactTarget target = interactions.caseTarget(id, user);
        ContactDetails details = form.details(target.zone(), result);
        if (log(result, form, user, () -> interactions.logOnCase(id, details, user))) {
            redirect.addFlashAttribute("flash", details.redFlag() ? "contact.logged.escalated" : "contact.logged");
            return "redirect:/cases/" + id;
        }
        return page(target, null, model);
    }

    @GetMapping("/contacts/check-in")
    String checkInForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID after,
            Model model) {
        ContactTarget target = interactions.checkInTarget(user);
        // Following up a check-in: its id in the link, never the colleague's.
        Long physician = after == null ? null : interactions.checkInFollowedUp(after, user);
        model.addAttribute("form", ContactForm.blank(clock.instant(), target.zone(), physician));
        return page(target, interactions.checkInChoices(user), model);
    }

    @PostMapping("/contacts/check-in")
    String logCheckIn(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ContactForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ContactTarget target = interactions.checkInTarget(user);
        ContactDetails details = form.details(target.zone(), result);
        if (log(result, form, user, () -> interactions.logCheckIn(form.physicianId(), details, user))) {
            redirect.addFlashAttribute("flash", details.redFlag() ? "contact.logged.escalated" : "contact.logged");
            return "redirect:/contacts";
        }
        return page(target, interactions.checkInChoices(user), model);
    }

    /**
     * Logs, unless the form has errors. A twin submit that committed first (same submission key)
     * leaves nothing more to do, so its unique-key refusal counts as done.
     */
    private boolean log(BindingResult result, ContactForm form, CurrentUser user, Runnable change) {
        try {
            return FormErrors.attempt(result, change);
        }
        catch (DataIntegrityViolationException twin) {
            if (form.submissionKey() != null && interactions.logged(form.submissionKey(), user)) {
                return true;
            }
            throw twin;
        }
    }

    private String page(ContactTarget target, List<PhysicianSummary> choices, Model model) {
        model.addAttribute("target", target);
        model.addAttribute("modes", ContactMode.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("redFlags", RedFlag.values());
        model.addAttribute("actions", EscalationAction.values());
        model.addAttribute("quickMinutes", ContactForm.QUICK_MINUTES);
        model.addAttribute("retentionDays", organization.settings().noteRetentionDays());
        if (choices != null) {
            Map<String, List<PhysicianSummary>> byDepartment = new LinkedHashMap<>();
            choices.forEach(p -> byDepartment.computeIfAbsent(p.departmentName(), d -> new java.util.ArrayList<>()).add(p));
            model.addAttribute("choices", byDepartment);
            // Namesakes are told apart by their e-mail; everyone else by name alone.
            Map<String, Long> names = choices.stream().collect(Collectors.groupingBy(
                    PhysicianSummary::name, Collectors.counting()));
            model.addAttribute("namesakes", names.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).collect(Collectors.toSet()));
        }
        return "interaction/contact";
    }
}
