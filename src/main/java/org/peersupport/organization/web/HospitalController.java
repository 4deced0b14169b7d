package org.peersupport.organization.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalScoped;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hospitals and their departments. Administrators see and change all hospitals; coordinators see
 * their own hospitals and keep their departments. Another hospital's id in the URL is a 404.
 */
@Controller
@RequestMapping("/organization/hospitals")
class HospitalController {

    record HospitalForm(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 60) String timeZone,
            long version) {
    }

    record DepartmentForm(@NotBlank @Size(max = 120) String name, long version) {
    }

    private final OrganizationService organization;

    HospitalController(OrganizationService organization) {
        this.organization = organization;
    }

    @ModelAttribute("timeZones")
    Map<String, String> timeZones() {
        return TimeZones.CHOICES.stream().collect(Collectors.toMap(z -> z, z -> z.replace('_', ' '), (a, b) -> a,
                LinkedHashMap::new));
    }

    @GetMapping
    String list(@AuthenticationPrincipal HospitalScoped user, Model model) {
        model.addAttribute("hospitals", organization.hospitals(user.hospitalScope()));
        model.addAttribute("departments", organization.departments(user.hospitalScope()));
        model.addAttribute("hospitalForm", new HospitalForm(null, "America/Los_Angeles", 0));
        return "organization/hospitals";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@AuthenticationPrincipal HospitalScoped user,
            @Valid @ModelAttribute("hospitalForm") HospitalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        validateZone(form.timeZone(), result);
        if (!result.hasErrors()) {
            try {
                long id = organization.createHospital(form.name(), ZoneId.of(form.timeZone()));
                redirect.addFlashAttribute("flash", "hospital.created");
                return "redirect:/organization/hospitals/" + id;
            }
            catch (RuleViolationException ex) {
                FormErrors.reject(ex, result);
            }
        }
        model.addAttribute("hospitals", organization.hospitals(user.hospitalScope()));
        model.addAttribute("departments", organization.departments(user.hospitalScope()));
        return "organization/hospitals";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal HospitalScoped user, Model model) {
        var edited = organization.hospitalToEdit(id, user.hospitalScope());
        HospitalSummary hospital = edited.value();
        model.addAttribute("hospitalForm",
                new HospitalForm(hospital.name(), hospital.timeZone().getId(), edited.version()));
        model.addAttribute("departmentForm", new DepartmentForm(null, 0));
        return showPage(hospital, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable long id, @AuthenticationPrincipal HospitalScoped user,
            @Valid @ModelAttribute("hospitalForm") HospitalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        HospitalSummary hospital = organization.hospital(id, user.hospitalScope());
        validateZone(form.timeZone(), result);
        if (FormErrors.attempt(result, () ->
                organization.changeHospital(id, form.name(), ZoneId.of(form.timeZone()), form.version()))) {
            redirect.addFlashAttribute("flash", "hospital.saved");
            return "redirect:/organization/hospitals/" + id;
        }
        model.addAttribute("departmentForm", new DepartmentForm(null, 0));
        return showPage(hospital, model);
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasRole('ADMIN')")
    String setActive(@PathVariable long id, @AuthenticationPrincipal HospitalScoped user,
            @org.springframework.web.bind.annotation.RequestParam boolean active, RedirectAttributes redirect) {
        organization.hospital(id, user.hospitalScope());
        organization.setHospitalActive(id, active);
        redirect.addFlashAttribute("flash", active ? "hospital.activated" : "hospital.deactivated");
        return "redirect:/organization/hospitals/" + id;
    }

    @PostMapping("/{id}/departments")
    String addDepartment(@PathVariable long id, @AuthenticationPrincipal HospitalScoped user,
            @Valid @ModelAttribute("departmentForm") DepartmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        HospitalSummary hospital = organization.hospital(id, user.hospitalScope());
        if (FormErrors.attempt(result, () ->
                organization.createDepartment(id, form.name(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "department.created");
            return "redirect:/organization/hospitals/" + id;
        }
        var edited = organization.hospitalToEdit(id, user.hospitalScope());
        model.addAttribute("hospitalForm",
                new HospitalForm(edited.value().name(), edited.value().timeZone().getId(), edited.version()));
        return showPage(edited.value(), model);
    }

    @GetMapping("/{id}/departments/{departmentId}")
    String department(@PathVariable long id, @PathVariable long departmentId,
            @AuthenticationPrincipal HospitalScoped user, Model model) {
        HospitalSummary hospital = organization.hospital(id, user.hospitalScope());
        var edited = organization.departmentToEdit(id, departmentId, user.hospitalScope());
        model.addAttribute("hospital", hospital);
        model.addAttribute("department", edited.value());
        model.addAttribute("departmentForm", new DepartmentForm(edited.value().name(), edited.version()));
        return "organization/department";
    }

    @PostMapping("/{id}/departments/{departmentId}")
    String renameDepartment(@PathVariable long id, @PathVariable long departmentId,
            @AuthenticationPrincipal HospitalScoped user, @Valid @ModelAttribute("departmentForm") DepartmentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        HospitalSummary hospital = organization.hospital(id, user.hospitalScope());
        var department = organization.department(departmentId).filter(d -> d.hospitalId() == id)
                .orElseThrow(org.peersupport.shared.NotFoundException::new);
        if (FormErrors.attempt(result, () ->
                organization.renameDepartment(id, departmentId, form.name(), form.version(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "department.saved");
            return "redirect:/organization/hospitals/" + id;
        }
        model.addAttribute("hospital", hospital);
        model.addAttribute("department", department);
        return "organization/department";
    }

    @PostMapping("/{id}/departments/{departmentId}/active")
    String setDepartmentActive(@PathVariable long id, @PathVariable long departmentId,
            @AuthenticationPrincipal HospitalScoped user,
            @org.springframework.web.bind.annotation.RequestParam boolean active, RedirectAttributes redirect) {
        organization.setDepartmentActive(id, departmentId, active, user.hospitalScope());
        redirect.addFlashAttribute("flash", active ? "department.activated" : "department.deactivated");
        return "redirect:/organization/hospitals/" + id;
    }

    private String showPage(HospitalSummary hospital, Model model) {
        model.addAttribute("hospital", hospital);
        model.addAttribute("departments", organization.departments(hospital.id()));
        return "organization/hospital";
    }

    private static void validateZone(String zone, BindingResult result) {
        if (zone != null && !TimeZones.CHOICES.contains(zone)) {
            result.rejectValue("timeZone", "hospital.error.timeZone");
        }
    }
}
