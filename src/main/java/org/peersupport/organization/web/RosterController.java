package org.peersupport.organization.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peersupport.organization.CareerStage;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianDetails;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterQuery;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.HospitalScoped;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.CsvCells;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
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
 * The physician roster: search, filter, page, edit a row, add a row, export. Administrators see
 * every hospital's roster, coordinators their own hospitals'. Another hospital's row is a 404.
 */
@Controller
@RequestMapping("/roster")
class RosterController {

    static final int PAGE_SIZE = 25;

    record PhysicianForm(@NotBlank @Size(max = 160) String name, @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) String phone, @NotNull Long departmentId, @Size(max = 120) String specialty,
            CareerStage careerStage, boolean active, long version) {

        static PhysicianForm of(PhysicianSummary p, long version) {
            return new PhysicianForm(p.name(), p.email(), p.phone(), p.departmentId(), p.specialty(), p.careerStage(),
                    p.active(), version);
        }

        PhysicianDetails details() {
            return new PhysicianDetails(name, email, phone, departmentId, specialty, careerStage, active);
        }
    }

    private final RosterService roster;

    private final OrganizationService organization;

    RosterController(RosterService roster, OrganizationService organization) {
        this.roster = roster;
        this.organization = organization;
    }

    @ModelAttribute("careerStages")
    CareerStage[] careerStages() {
        return CareerStage.values();
    }

    @GetMapping
    String search(@AuthenticationPrincipal HospitalScoped user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long hospitalId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") int page, Model model) {
        HospitalScope scope = user.hospitalScope();
        String text = q == null ? "" : q.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        RosterQuery query = new RosterQuery(text, hospitalId, departmentId, active);
        Pageable pageable = PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE);
        Page<PhysicianSummary> physicians = roster.search(query, scope, pageable);
        model.addAttribute("physicians", physicians);
        model.addAttribute("q", text);
        model.addAttribute("hospitalId", hospitalId);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("active", active);
        model.addAttribute("hospitals", organization.hospitals(scope));
        model.addAttribute("departments", organization.departments(scope));
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/roster").queryParam("q", text)
                .queryParamIfPresent("hospitalId", java.util.Optional.ofNullable(hospitalId))
                .queryParamIfPresent("departmentId", java.util.Optional.ofNullable(departmentId))
                .queryParamIfPresent("active", java.util.Optional.ofNullable(active))
                .encode().build().toUriString());
        return "roster/list";
    }

    @GetMapping("/new")
    String newPhysician(@AuthenticationPrincipal HospitalScoped user, Model model) {
        model.addAttribute("form", new PhysicianForm(null, null, null, null, null, null, true, 0));
        return formPage(user, model, null);
    }

    @PostMapping("/new")
    String add(@AuthenticationPrincipal HospitalScoped user, @Valid @ModelAttribute("form") PhysicianForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = roster.add(form.details(), user.hospitalScope());
                redirect.addFlashAttribute("flash", "roster.added");
                return "redirect:/roster/" + id;
            }
            catch (RuleViolationException ex) {
                FormErrors.reject(ex, result);
            }
        }
        return formPage(user, model, null);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal HospitalScoped user, @PathVariable long id, Model model) {
        PhysicianSummary physician = roster.physician(id, user.hospitalScope());
        model.addAttribute("form", PhysicianForm.of(physician, roster.version(id)));
        return formPage(user, model, physician);
    }

    @PostMapping("/{id}")
    String change(@AuthenticationPrincipal HospitalScoped user, @PathVariable long id,
            @Valid @ModelAttribute("form") PhysicianForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        PhysicianSummary physician = roster.physician(id, user.hospitalScope());
        if (FormErrors.attempt(result, () ->
                roster.change(id, form.details(), form.version(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "roster.saved");
            return "redirect:/roster/" + id;
        }
        return formPage(user, model, physician);
    }

    /** The roster in the caller's scope, as CSV. Cells that look like formulas are neutralised. */
    @GetMapping(value = "/export.csv")
    void export(@AuthenticationPrincipal HospitalScoped user, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"roster.csv\"");
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader("name", "email", "phone", "hospital", "department", "specialty", "career_stage", "active")
                .get();
        try (Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, format)) {
            Pageable pageable = PageRequest.of(0, 2000);
            Page<PhysicianSummary> page;
            do {
                page = roster.search(RosterQuery.all(), user.hospitalScope(), pageable);
                for (PhysicianSummary p : page) {
                    printer.printRecord(CsvCells.neutralise(p.name()), CsvCells.neutralise(p.email()),
                            CsvCells.neutralise(p.phone()), CsvCells.neutralise(p.hospitalName()),
                            CsvCells.neutralise(p.departmentName()), CsvCells.neutralise(p.specialty()),
                            p.careerStage() == null ? "" : p.careerStage().name(), p.active());
                }
                pageable = pageable.next();
            }
            while (page.hasNext());
        }
    }

    private String formPage(HospitalScoped user, Model model, PhysicianSummary physician) {
        Map<Long, String> departments = new LinkedHashMap<>();
        for (DepartmentSummary d : organization.departments(user.hospitalScope())) {
            if (d.active() || (physician != null && d.id() == physician.departmentId())) {
                departments.put(d.id(), d.label());
            }
        }
        model.addAttribute("departmentChoices", departments);
        model.addAttribute("physician", physician);
        return "roster/physician";
    }
}
