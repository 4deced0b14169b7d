package org.peersupport.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peersupport.account.PasswordLinks;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Setting a password from an e-mailed one-time link, without signing in. An unknown, used or
 * expired link gets one kind page that tells nothing about the account.
 */
@Controller
@RequestMapping("/account/set-password/{token}")
class SetPasswordController {

    record SetPasswordForm(@NotBlank @Size(max = 200) String password) {
    }

    private final PasswordLinks links;

    SetPasswordController(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        return links.emailFor(token).map(email -> {
            model.addAttribute("email", email);
            model.addAttribute("token", token);
            model.addAttribute("form", new SetPasswordForm(null));
            return "account/set-password";
        }).orElseGet(() -> linkNotValid(response));
    }

    @PostMapping
    String set(@PathVariable String token, @Valid @ModelAttribute("form") SetPasswordForm form, BindingResult result,
            Model model, HttpServletResponse response) {
        var email = links.emailFor(token);
        if (email.isEmpty()) {
            return linkNotValid(response);
        }
        if (!result.hasErrors()) {
            try {
                links.setPassword(token, form.password());
                return "redirect:/login?passwordSet";
            }
            catch (RuleViolationException ex) {
                FormErrors.reject(ex, result);
            }
            catch (NotFoundException ex) {
                return linkNotValid(response);
            }
        }
        model.addAttribute("email", email.get());
        model.addAttribute("token", token);
        return "account/set-password";
    }

    private static String linkNotValid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "account/link-not-valid";
    }
}
