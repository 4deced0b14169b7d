package org.peersupport.account.web;

import java.util.List;

import org.peersupport.account.CurrentUser;
import org.peersupport.account.SecondFactors;
import org.peersupport.shared.RuleViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Any signed-in person's own sign-in methods: their passkeys (add, remove), and for staff the
 * authenticator app's recovery codes. Only ever the caller's own: there is no account id to change.
 */
@Controller
@RequestMapping("/account/security")
class AccountSecurityController {

    private final SecondFactors factors;

    AccountSecurityController(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("status", factors.status(user.accountId()));
        model.addAttribute("staff", SecondFactors.required(user));
        return "account/security";
    }

    @PostMapping("/recovery-codes")
    String recoveryCodes(@AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            List<String> codes = factors.replaceRecoveryCodes(user.accountId());
            model.addAttribute("codes", codes);
            model.addAttribute("continueAction", null);
            return "account/recovery-codes";
        }
        catch (RuleViolationException ex) {
            return "redirect:/account/security";
        }
    }

    @PostMapping("/passkeys/{id}/remove")
    String removePasskey(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
            RedirectAttributes redirect) {
        factors.removePasskey(user.accountId(), id);
        redirect.addFlashAttribute("flash", "security.passkey.removed");
        return "redirect:/account/security";
    }
}
