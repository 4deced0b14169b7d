package org.peersupport.supporter.web;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.SupporterService.StatusChange;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.SupporterSummary;
import org.peersupport.supporter.TrainingService;
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

/**
 * A supporter's own training record, availability and private conflicts; nobody else's, and only
 * their own. The private conflicts are shown here and nowhere else, to nobody else.
 */
@Controller
@RequestMapping("/my/training")
class MyTrainingController {

    record ColleagueForm(@NotBlank @Email @Size(max = 254) String colleagueEmail) {
    }

    private final SupporterService supporters;

    private final TrainingService training;

    MyTrainingController(SupporterService supporters, TrainingService training) {
        this.supporters = supporters;
        this.training = training;
    }

    @GetMapping
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        SupporterSummary me = own(user);
        model.addAttribute("supporter", me);
        model.addAttribute("history", training.history(me.id()));
        model.addAttribute("modules", training.curriculum());
        model.addAttribute("ownConflicts", supporters.ownConflicts(me.physicianId()));
        if (!model.containsAttribute("colleagueForm")) {
            model.addAttribute("colleagueForm", new ColleagueForm(null));
        }
        return "supporter/mine";
    }

    @PostMapping("/conflicts")
    String declareConflict(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("colleagueForm") ColleagueForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupporterSummary me = own(user);
        if (FormErrors.attempt(result, () -> supporters.declareOwnConflict(me.physicianId(), form.colleagueEmail()))) {
            redirect.addFlashAttribute("flash", "mine.conflictAdded");
            return "redirect:/my/training";
        }
        return mine(user, model);
    }

    @PostMapping("/conflicts/{colleagueId}/withdraw")
    String withdrawConflict(@AuthenticationPrincipal CurrentUser user, @PathVariable long colleagueId,
            RedirectAttributes redirect) {
        supporters.withdrawOwnConflict(own(user).physicianId(), colleagueId);
        redirect.addFlashAttribute("flash", "mine.conflictWithdrawn");
        return "redirect:/my/training";
    }

    @PostMapping("/availability")
    String availability(@AuthenticationPrincipal CurrentUser user, @RequestParam StatusChange change,
            @RequestParam(required = false) LocalDate pausedUntil, Model model, RedirectAttributes redirect) {
        own(user);
        try {
            supporters.changeOwnAvailability(user.physicianId().orElseThrow(), change, pausedUntil);
        }
        catch (IllegalArgumentException | RuleViolationException ex) {
            model.addAttribute("availabilityError", ex instanceof RuleViolationException rule ? rule.messageKey()
                    : "supporter.error.cannotPause");
            return mine(user, model);
        }
        redirect.addFlashAttribute("flash", change == StatusChange.PAUSE ? "mine.paused" : "mine.resumed");
        return "redirect:/my/training";
    }

    private SupporterSummary own(CurrentUser user) {
        return user.physicianId().flatMap(supporters::ofPhysician).orElseThrow(NotFoundException::new);
    }
}
