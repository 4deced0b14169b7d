package org.peersupport.account.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.peersupport.account.AccountService;
import org.peersupport.account.SecondFactors;
import org.peersupport.account.AccountSummary;
import org.peersupport.account.CurrentUser;
import org.peersupport.account.NewAccount;
import org.peersupport.account.PasswordLinks;
import org.peersupport.account.Role;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Administrators create accounts, change roles and hospital scopes, disable, and send password
 * links. Nobody types another person's password: a new account and a reset both get a one-time
 * link by e-mail, so an administrator can never sign in as someone else.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountService accounts;

    private final OrganizationService organization;

    private final RosterService roster;

    private final PasswordLinks links;

    private final SecondFactors secondFactors;

    AccountAdminController(AccountService accounts, OrganizationService organization, RosterService roster,
            PasswordLinks links, SecondFactors secondFactors) {
        this.links = links;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.organization = organization;
        this.roster = roster;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @ModelAttribute("hospitalNames")
    Map<Long, String> hospitalNames() {
        return organization.hospitals(HospitalScope.everything()).stream()
                .collect(Collectors.toMap(HospitalSummary::id, HospitalSummary::name, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("accounts", accounts.search(text.length() > 200 ? text.substring(0, 200) : text,
                PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/accounts").queryParam("q", text)
                .encode().build().toUriString());
        return "admin/accounts";
    }

    @GetMapping("/new")
    String newAccount(@ModelAttribute("form") AccountForm form) {
        return "admin/account-new";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, RedirectAttributes redirect) {
        // Every problem at once: the form's own, and the rules the values it could read break.
        List<RuleViolationException> broken = brokenForNew(form);
        if (result.hasErrors() || !broken.isEmpty()) {
            FormErrors.alsoBroken(result, broken);
            return "admin/account-new";
        }
        try {
            // The person sets their own password from an e-mailed link.
            AccountService.Invited invited = accounts.createAndInvite(new NewAccount(form.getEmail(),
                    form.getDisplayName(), null, form.getRoles(), form.getHospitalIds(), rosterLink(form)));
            // Made, but the invitation did not go out: a warning, not a success.
            redirect.addFlashAttribute(invited.mailed() ? "flash" : "flashWarning",
                    invited.mailed() ? "account.invited" : "account.notMailed");
            return "redirect:/admin/accounts/" + invited.accountId();
        }
        catch (RuleViolationException ex) {
            FormErrors.reject(ex, result);
            return "admin/account-new";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        AccountSummary account = accounts.account(id);
        String physicianEmail = account.physicianId() == null ? null
                : roster.physician(account.physicianId()).map(PhysicianSummary::email).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("form", AccountForm.of(account, physicianEmail));
        model.addAttribute("secondFactor", secondFactors.status(id));
        return "admin/account";
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        AccountSummary account = accounts.account(id);
        if (FormErrors.attempt(result, () ->
                accounts.changeAccess(id, form.getDisplayName(), form.getRoles(), form.getHospitalIds(),
                    rosterLink(form.needsRosterLink(), form.getPhysicianEmail(), account.email()),
                    form.getVersion(), user.accountId()))) {
            redirect.addFlashAttribute("flash", "account.saved");
            return "redirect:/admin/accounts/" + id;
        }
        model.addAttribute("account", account);
        model.addAttribute("secondFactor", secondFactors.status(id));
        return "admin/account";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            accounts.disable(id, user.accountId());
            redirect.addFlashAttribute("flash", "account.disabled");
        }
        catch (RuleViolationException ex) {
            redirect.addFlashAttribute("accountError", ex.messageKey());
        }
        return "redirect:/admin/accounts/" + id;
    }

    /** E-mails the person a one-time link to set a new password. */
    @PostMapping("/{id}/link")
    String sendLink(@PathVariable long id, RedirectAttributes redirect) {
        accounts.account(id);
        try {
            links.send(id, false);
            redirect.addFlashAttribute("flash", "account.linkSent");
        }
        catch (RuleViolationException ex) {
            redirect.addFlashAttribute("accountError", ex.messageKey());
        }
        return "redirect:/admin/accounts/" + id;
    }

    /**
     * Forgets the person's authenticator app, recovery codes and passkeys (a lost phone): their next
     * sign-in sets up new ones. Audited; the person is told by e-mail.
     */
    @PostMapping("/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            secondFactors.reset(id, user.accountId());
            redirect.addFlashAttribute("flash", "account.secondFactor.resetDone");
        }
        catch (RuleViolationException ex) {
            redirect.addFlashAttribute("accountError", ex.messageKey());
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/allow-sign-in")
    String allowSignIn(@PathVariable long id, RedirectAttributes redirect) {
        accounts.allowSignIn(id);
        redirect.addFlashAttribute("flash", "account.signInAllowed");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.enable(id);
        redirect.addFlashAttribute("flash", "account.enabled");
        return "redirect:/admin/accounts/" + id;
    }

    /** The rules a new account from this form breaks, its roster link included. */
    private List<RuleViolationException> brokenForNew(AccountForm form) {
        List<RuleViolationException> broken = new java.util.ArrayList<>();
        Long physicianId = null;
        try {
            physicianId = rosterLink(form);
        }
        catch (RuleViolationException unknown) {
            broken.add(unknown);
        }
        broken.addAll(accounts.broken(new NewAccount(form.getEmail(), form.getDisplayName(), null, form.getRoles(),
                form.getHospitalIds(), physicianId)));
        return broken;
    }

    private Long rosterLink(AccountForm form) {
        return rosterLink(form.needsRosterLink(), form.getPhysicianEmail(), form.getEmail());
    }

    /** Clinicians link to their roster row: by the e-mail given, or else by the account's own. */
    private Long rosterLink(boolean needed, String physicianEmail, String accountEmail) {
        String email = physicianEmail == null ? accountEmail : physicianEmail;
        if (email == null) {
            return null;
        }
        var physician = roster.physicianByEmail(email);
        if (physician.isEmpty() && (needed || physicianEmail != null)) {
            throw new RuleViolationException("physicianEmail", "account.error.unknownPhysician");
        }
        return physician.map(PhysicianSummary::id).orElse(null);
    }
}
