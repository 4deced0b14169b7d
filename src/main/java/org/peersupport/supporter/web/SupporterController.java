package org.peersupport.supporter.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peersupport.account.AccountService;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.RosterQuery;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.CertificationState;
import org.peersupport.supporter.SupporterQuery;
import org.peersupport.supporter.SupporterService.StatusChange;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.SupporterStatus;
import org.peersupport.supporter.SupporterSummary;
import org.peersupport.supporter.TrainingService;
import org.peersupport.web.CsvCells;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.Page;
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
 * The supporter roster, for coordinators (their hospitals' supporters) and administrators (all).
 * A supporter of another hospital is a 404. Physicians and supporters have no access here.
 */
@Controller
@RequestMapping("/supporters")
class SupporterController {

    static final int PAGE_SIZE = 25;

    record StatusForm(@NotNull StatusChange change, LocalDate pausedUntil, long version) {
    }

    record ServiceForm(@NotNull Integer capacity, Set<Long> departmentIds, long version) {

        ServiceForm {
            departmentIds = departmentIds == null ? Set.of() : departmentIds;
        }
    }

    record ConflictForm(@NotBlank @Email @Size(max = 254) String conflictEmail) {
    }

    private final SupporterService supporters;

    private final TrainingService training;

    private final OrganizationService organization;

    private final RosterService roster;

    SupporterController(SupporterService supporters, TrainingService training, OrganizationService organization,
            RosterService roster) {
        this.supporters = supporters;
        this.training = training;
        this.organization = organization;
        this.roster = roster;
    }

    @ModelAttribute("statuses")
    SupporterStatus[] statuses() {
        return SupporterStatus.values();
    }

    @ModelAttribute("certificationStates")
    CertificationState[] certificationStates() {
        return CertificationState.values();
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long hospitalId,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) SupporterStatus status,
            @RequestParam(required = false) CertificationState certification,
            @RequestParam(defaultValue = "0") int page, Model model) {
        HospitalScope scope = user.hospitalScope();
        SupporterQuery query = new SupporterQuery(hospitalId, departmentId, status, certification);
        Page<SupporterSummary> found = supporters.search(query, scope,
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
        model.addAttribute("supporters", found);
        // Supporters of one name on the page are told apart by their e-mail too, as in the check-in picker.
        Set<String> seen = new HashSet<>();
        model.addAttribute("namesakes", found.stream().map(SupporterSummary::name).filter(name -> !seen.add(name))
                .collect(Collectors.toSet()));
        model.addAttribute("query", query);
        model.addAttribute("hospitals", organization.hospitals(scope));
        model.addAttribute("departments", organization.departments(scope));
        model.addAttribute("departmentNames", departmentNames(scope));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/supporters")
                .queryParamIfPresent("hospitalId", Optional.ofNullable(hospitalId))
                .queryParamIfPresent("departmentId", Optional.ofNullable(departmentId))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("certification", Optional.ofNullable(certification))
                .encode().build().toUriString());
        return "supporter/list";
    }

    /** Finds roster physicians of the caller's hospitals to nominate. */
    @GetMapping("/nominate")
    String nominateSearch(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            Model model) {
        String text = q == null ? "" : q.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        model.addAttribute("q", text);
        if (!text.isEmpty()) {
            model.addAttribute("results", roster.search(new RosterQuery(text, null, null, true), user.hospitalScope(),
                    PageRequest.of(0, 20)).getContent());
        }
        return "supporter/nominate";
    }

    @PostMapping("/nominate")
    String nominate(@AuthenticationPrincipal CurrentUser user, @RequestParam long physicianId,
            @RequestParam(required = false) String q, Model model, RedirectAttributes redirect) {
        try {
            SupporterService.Nomination nomination = supporters.nominate(physicianId, user.hospitalScope());
            // Made, but not all of it: the invitation did not go out. A warning, not a success.
            redirect.addFlashAttribute(nomination.account() == AccountService.Grant.CREATED_NOT_INVITED
                    ? "flashWarning" : "flash", switch (nomination.account()) {
                        case EXTENDED -> "supporter.nominated";
                        case CREATED_AND_INVITED -> "supporter.nominated.newAccount";
                        case CREATED_NOT_INVITED -> "supporter.nominated.notMailed";
                    });
            return "redirect:/supporters/" + nomination.supporterId();
        }
        catch (RuleViolationException ex) {
            model.addAttribute("nominateError", ex.messageKey());
            return nominateSearch(user, q, model);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        SupporterSummary supporter = supporters.supporter(id, user.hospitalScope());
        model.addAttribute("statusForm", new StatusForm(null, supporter.pausedUntil(), supporter.version()));
        return detail(user, supporter, model);
    }

    @PostMapping("/{id}/status")
    String changeStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupporterSummary supporter = supporters.supporter(id, user.hospitalScope());
        if (FormErrors.attempt(result, () ->
                supporters.changeStatus(id, form.change(), form.pausedUntil(), form.version(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "supporter.statusChanged");
            return "redirect:/supporters/" + id;
        }
        return detail(user, supporter, model);
    }

    @PostMapping("/{id}/service")
    String changeService(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("serviceForm") ServiceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupporterSummary supporter = supporters.supporter(id, user.hospitalScope());
        if (FormErrors.attempt(result, () ->
                supporters.changeService(id, form.capacity(), form.departmentIds(), form.version(),
                    user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "supporter.saved");
            return "redirect:/supporters/" + id;
        }
        return detail(user, supporter, model);
    }

    @PostMapping("/{id}/conflicts")
    String declareConflict(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("conflictForm") ConflictForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SupporterSummary supporter = supporters.supporter(id, user.hospitalScope());
        if (FormErrors.attempt(result, () ->
                supporters.declareConflict(id, form.conflictEmail(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "supporter.conflictAdded");
            return "redirect:/supporters/" + id;
        }
        return detail(user, supporter, model);
    }

    @PostMapping("/{id}/conflicts/{physicianId}/withdraw")
    String withdrawConflict(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long physicianId, RedirectAttributes redirect) {
        supporters.withdrawConflict(id, physicianId, user.hospitalScope());
        redirect.addFlashAttribute("flash", "supporter.conflictWithdrawn");
        return "redirect:/supporters/" + id;
    }

    /** The roster of supporters in the caller's scope with their training status, as CSV. */
    @GetMapping("/export.csv")
    void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"supporters.csv\"");
        Map<Long, String> departments = departmentNames(user.hospitalScope());
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("name", "email", "hospital", "departments",
                "status", "capacity", "certification", "certified_on", "expires_on").get();
        Page<SupporterSummary> all = supporters.search(SupporterQuery.all(), user.hospitalScope(),
                PageRequest.of(0, Integer.MAX_VALUE));
        try (Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (SupporterSummary s : all) {
                printer.printRecord(CsvCells.neutralise(s.name()), CsvCells.neutralise(s.email()),
                        CsvCells.neutralise(s.hospitalName()),
                        CsvCells.neutralise(String.join("; ", s.departmentIds().stream().map(departments::get)
                                .filter(java.util.Objects::nonNull).sorted().toList())),
                        s.status(), s.capacity(), s.certification().state(),
                        s.certification().certifiedOn() == null ? "" : s.certification().certifiedOn().toString(),
                        s.certification().expiresOn() == null ? "" : s.certification().expiresOn().toString());
            }
        }
    }

    /** The detail page; the form that was just sent keeps what was typed, the others start afresh. */
    private String detail(CurrentUser user, SupporterSummary supporter, Model model) {
        HospitalScope scope = user.hospitalScope();
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new StatusForm(null, supporter.pausedUntil(), supporter.version()));
        }
        if (!model.containsAttribute("serviceForm")) {
            model.addAttribute("serviceForm",
                    new ServiceForm(supporter.capacity(), supporter.departmentIds(), supporter.version()));
        }
        if (!model.containsAttribute("conflictForm")) {
            model.addAttribute("conflictForm", new ConflictForm(null));
        }
        Map<Long, String> hospitalDepartments = new LinkedHashMap<>();
        for (DepartmentSummary d : organization.departments(supporter.hospitalId())) {
            if (d.active() || supporter.departmentIds().contains(d.id())) {
                hospitalDepartments.put(d.id(), d.name());
            }
        }
        model.addAttribute("supporter", supporter);
        model.addAttribute("hospitalDepartments", hospitalDepartments);
        model.addAttribute("conflicts", supporters.conflicts(supporter.id(), scope));
        model.addAttribute("history", training.history(supporter.id()));
        model.addAttribute("changes", StatusChange.from(supporter.status()));
        return "supporter/detail";
    }

    private Map<Long, String> departmentNames(HospitalScope scope) {
        Map<Long, String> names = new LinkedHashMap<>();
        organization.departments(scope).forEach(d -> names.put(d.id(), d.name()));
        return names;
    }

}
