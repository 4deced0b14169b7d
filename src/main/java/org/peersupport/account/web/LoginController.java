package org.peersupport.account.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. One message for every failure, so it never tells whether an e-mail exists. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error,
            Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null);
        return "account/login";
    }
}
