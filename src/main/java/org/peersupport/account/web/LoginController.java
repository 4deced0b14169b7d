package org.peersupport.account.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

/** The sign-in page. One message for every failure, so it never tells whether an e-mail exists. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, WebRequest request, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        // "?error" has no value, so it is read as a flag rather than bound (an empty value binds to null).
        model.addAttribute("failed", request.getParameterMap().containsKey("error"));
        model.addAttribute("paused", request.getParameterMap().containsKey("wait"));
        return "account/login";
    }
}
