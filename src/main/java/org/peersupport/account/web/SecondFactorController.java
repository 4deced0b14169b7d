package org.peersupport.account.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.peersupport.account.SecondFactorHint;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.security.SecondStep;
import org.peersupport.shared.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a staff member's sign-in, open only to a pending sign-in ({@link SecondStep}):
 * a code from the authenticator app, a recovery code, or a passkey; at the first sign-in, setting
 * up the authenticator app, then the recovery codes, shown once.
 */
@Controller
@RequestMapping(SecondStep.PATH)
class SecondFactorController {

    private static final String NEW_KEY = "peersupport.secondStep.newKey";

    private final SecondStep secondStep;

    private final SecondFactors factors;

    private final ObjectProvider<SecondFactorHint> hints;

    SecondFactorController(SecondStep secondStep, SecondFactors factors, ObjectProvider<SecondFactorHint> hints) {
        this.secondStep = secondStep;
        this.factors = factors;
        this.hints = hints;
    }

    @GetMapping
    String page(HttpSession session, Model model) {
        return secondStep.pending().map(pending -> show(pending, session, model, null)).orElse("redirect:/login");
    }

    @PostMapping
    String code(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) throws IOException, ServletException {
        SecondStep.Pending pending = secondStep.pending().orElse(null);
        if (pending == null) {
            return "redirect:/login";
        }
        if (factors.verify(pending.accountId(), code)) {
            secondStep.complete(request, response);
            return null;
        }
        if (secondStep.failed(request, response)) {
            return "redirect:/login?codes";
        }
        return show(pending, request.getSession(), model, "secondFactor.error.wrongCode");
    }

    @PostMapping("/set-up")
    String setUp(@RequestParam(required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        SecondStep.Pending pending = secondStep.pending().orElse(null);
        if (pending == null || !(request.getSession().getAttribute(NEW_KEY) instanceof SecondFactors.NewKey key)) {
            return "redirect:" + SecondStep.PATH;
        }
        try {
            List<String> codes = factors.setUpAuthenticatorApp(pending.accountId(), key.key(), code);
            request.getSession().removeAttribute(NEW_KEY);
            secondStep.passed(request);
            model.addAttribute("codes", codes);
            model.addAttribute("continueAction", SecondStep.PATH + "/continue");
            return "account/recovery-codes";
        }
        catch (RuleViolationException wrong) {
            if (secondStep.failed(request, response)) {
                return "redirect:/login?codes";
            }
            return show(pending, request.getSession(), model, wrong.messageKey());
        }
    }

    /** After the recovery codes: in, where the person was going. */
    @PostMapping("/continue")
    String carryOn(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (secondStep.pending().isEmpty() || !secondStep.hasPassed(request)) {
            return "redirect:" + SecondStep.PATH;
        }
        secondStep.complete(request, response);
        return null;
    }

    private String show(SecondStep.Pending pending, HttpSession session, Model model, String error) {
        SecondFactors.Status status = factors.status(pending.accountId());
        model.addAttribute("error", error);
        model.addAttribute("status", status);
        if (status.authenticatorApp()) {
            SecondFactorHint hint = hints.getIfAvailable();
            model.addAttribute("demoCode", hint == null ? null : hint.codeFor(pending.email()).orElse(null));
            return "account/second-factor";
        }
        // One key for the whole of this sign-in, so a reload does not change what the phone holds.
        SecondFactors.NewKey key = session.getAttribute(NEW_KEY) instanceof SecondFactors.NewKey kept ? kept
                : factors.newKey(pending.email());
        session.setAttribute(NEW_KEY, key);
        model.addAttribute("key", key);
        model.addAttribute("qr", QrCode.of(key.uri()));
        return "account/second-factor-set-up";
    }
}
