package org.peersupport.account.web;

import org.peersupport.account.security.SignInOptions;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

/**
 * The sign-in page: the hospitals' providers, if any, and the password form, unless switched off.
 * One message for every password failure, so it never tells whether an e-mail exists.
 */
@Controller
class LoginController {

    private final SignInOptions options;

    LoginController(SignInOptions options) {
        this.options = options;
    }

    @GetMapping("/login")
    String login(Authentication authentication, WebRequest request, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        // "?error" has no value, so it is read as a flag rather than bound (an empty value binds to null).
        model.addAttribute("failed", request.getParameterMap().containsKey("error"));
        model.addAttribute("paused", request.getParameterMap().containsKey("wait"));
        model.addAttribute("providers", options.providers());
        model.addAttribute("passwordSignIn", options.password());
        // Only a reason the page knows: the parameter chooses among fixed messages, never shows itself.
        String refused = request.getParameter("refused");
        model.addAttribute("refused", refused != null && SignInOptions.REFUSALS.contains(refused) ? refused : null);
        return "account/login";
    }
}
