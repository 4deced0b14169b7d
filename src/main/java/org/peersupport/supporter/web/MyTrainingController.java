package org.peersupport.supporter.web;

import java.time.LocalDate;

import org.peersupport.account.CurrentUser;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.SupporterService.StatusChange;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.SupporterSummary;
import org.peersupport.supporter.TrainingService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A supporter's own training record and availability; nobody else's, and only their own. */
@Controller
@RequestMapping("/my/training")
class MyTrainingController {

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
        return "supporter/mine";
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
