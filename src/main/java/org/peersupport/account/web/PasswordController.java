package org.peersupport.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Any signed-in person changes their own password. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    record ChangePasswordForm(@NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {
    }

    private final AccountService accounts;

    PasswordController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String form(@ModelAttribute("form") ChangePasswordForm form) {
        return "account/password";
    }

    @PostMapping
    String change(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ChangePasswordForm form,
            BindingResult result, jakarta.servlet.http.HttpSession session, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "account/password";
        }
        try {
            accounts.changeOwnPassword(user.accountId(), form.currentPassword(), form.newPassword(), session.getId());
        }
        catch (RuleViolationException ex) {
            FormErrors.reject(ex, result);
            return "account/password";
        }
        redirect.addFlashAttribute("flash", "password.changed");
        return "redirect:/";
    }
}
