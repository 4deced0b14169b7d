package org.peersupport.referral.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.account.CurrentUser;
import org.peersupport.referral.ReferralService.NewReferral;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.Trigger;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referral form and "My referrals", for anyone signed in. The referrer learns only that a
 * referral was received, then whether it is in progress or closed; never outcomes or supporters.
 */
@Controller
@RequestMapping("/referrals")
class ReferralController {

    record ReferralForm(@NotNull String who, Long colleagueId, @Size(max = 100) String q, @NotNull Trigger trigger,
            @NotNull Boolean danger, @Size(max = 500) String context, boolean named, boolean asLeader,
            @NotNull UUID submissionKey) {

        static ReferralForm empty() {
            return new ReferralForm("colleague", null, null, null, null, null, false, false, UUID.randomUUID());
        }

        boolean myself() {
            return "myself".equals(who);
        }
    }

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @ModelAttribute("triggers")
    Trigger[] triggers() {
        return Trigger.values();
    }

    /** The referrer's hospital's own crisis lines, shown with 911 and 988 on the form and the receipt. */
    private void crisisLines(CurrentUser user, Model model) {
        model.addAttribute("crisisLines", referrals.hospitalCrisisLines(user));
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", ReferralForm.empty());
        crisisLines(user, model);
        return "referral/new";
    }

    /** "Find" on the form without JavaScript: shows matching colleagues, keeps what was typed. */
    @PostMapping(value = "/new", params = "find")
    String find(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") ReferralForm form,
            BindingResult ignored, Model model) {
        crisisLines(user, model);
        model.addAttribute("colleagues", referrals.colleagues(form.q()));
        model.addAttribute("searched", true);
        return "referral/new";
    }

    @PostMapping("/new")
    String refer(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ReferralForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!form.myself() && form.colleagueId() == null && !result.hasFieldErrors("colleagueId")) {
            result.rejectValue("colleagueId", "referral.error.chooseColleague");
        }
        if (!result.hasErrors()) {
            try {
                NewReferral referral = new NewReferral(form.colleagueId(), form.myself(), form.asLeader(),
                        form.trigger(), form.danger(), form.context(), form.named(), form.submissionKey());
                ReferralService.Receipt receipt;
                try {
                    receipt = referrals.refer(user, referral);
                }
                catch (DataIntegrityViolationException raced) {
                    // A double click, or another referrer of the same colleague, committed first. Once
                    // more, in a new transaction, this finds that submission or joins that case.
                    receipt = referrals.refer(user, referral);
                }
                redirect.addFlashAttribute("urgent", receipt.urgent());
                redirect.addFlashAttribute("myself", form.myself());
                return "redirect:/referrals/received";
            }
            catch (RuleViolationException ex) {
                FormErrors.reject(ex, result);
            }
        }
        if (form.colleagueId() != null) {
            referrals.colleague(form.colleagueId()).ifPresent(c -> model.addAttribute("colleagues", List.of(c)));
        }
        crisisLines(user, model);
        return "referral/new";
    }

    @GetMapping("/received")
    String received(@AuthenticationPrincipal CurrentUser user, Model model) {
        crisisLines(user, model);
        return "referral/received";
    }

    /** Colleagues matching what is typed, as a fragment for the form's search-as-you-type. */
    @PostMapping("/colleagues")
    String colleagues(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("colleagues", referrals.colleagues(q));
        model.addAttribute("searched", true);
        return "referral/colleagues :: results";
    }

    @GetMapping("/mine")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("sent", referrals.sentBy(user, PageRequest.of(Math.max(0, Math.min(page, 10_000)), 25)));
        return "referral/mine";
    }
}
