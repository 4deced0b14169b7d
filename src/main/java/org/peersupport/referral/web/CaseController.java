package org.peersupport.referral.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.peersupport.account.CurrentUser;
import org.peersupport.referral.CaseService;
import org.peersupport.referral.DeclineReason;
import org.peersupport.referral.Outcome;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My cases", for supporters: only cases assigned to the signed-in supporter (others are a 404). */
@Controller
@RequestMapping("/cases")
class CaseController {

    /** What a supporter may close a case with; a duplicate is the coordinators' call. */
    static final List<Outcome> SUPPORTER_OUTCOMES = List.of(Outcome.SUPPORTED, Outcome.DECLINED, Outcome.NO_RESPONSE,
            Outcome.ESCALATED, Outcome.WITHDRAWN);

    record CloseForm(@NotNull Outcome outcome) {
    }

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cases", cases.myCases(user));
        return "referral/my-cases";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("referral", cases.myCase(id, user));
        model.addAttribute("reasons", DeclineReason.values());
        model.addAttribute("outcomes", SUPPORTER_OUTCOMES);
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", new CloseForm(null));
        }
        return "referral/my-case";
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.outcome() != null && !SUPPORTER_OUTCOMES.contains(form.outcome())) {
            result.rejectValue("outcome", "case.error.outcome");
        }
        if (FormErrors.attempt(result, () -> cases.close(id, form.outcome(), user))) {
            redirect.addFlashAttribute("flash", "triage.closed");
            return "redirect:/cases";
        }
        var error = result.getFieldError("outcome");
        if (error != null && "referral.error.alreadyClosed".equals(error.getCode())) {
            redirect.addFlashAttribute("flash", "case.alreadyClosed");
            return "redirect:/cases";
        }
        return show(user, id, model);
    }

    @PostMapping("/{id}/decline")
    String decline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(required = false) DeclineReason reason, Model model, RedirectAttributes redirect) {
        if (reason == null) {
            model.addAttribute("declineError", "case.error.reason");
            return show(user, id, model);
        }
        try {
            cases.decline(id, reason, user);
        }
        catch (RuleViolationException ex) {
            model.addAttribute("declineError", ex.messageKey());
            return show(user, id, model);
        }
        redirect.addFlashAttribute("flash", "case.declined");
        return "redirect:/cases";
    }
}
