package org.peersupport.supporter.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.supporter.SupporterService;
import org.peersupport.supporter.SupporterSummary;
import org.peersupport.supporter.TrainingService.SessionView;
import org.peersupport.supporter.TrainingService;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training sessions and attendance (coordinators, for their hospitals; administrators, all),
 * department coverage, and the curriculum (everyone here reads it; administrators change it).
 */
@Controller
@RequestMapping("/training")
class TrainingController {

    record SessionForm(@NotNull Long hospitalId, @NotNull LocalDate sessionDate,
            @NotBlank @Size(max = 160) String facilitator, boolean refresher, Set<Long> moduleIds) {

        SessionForm {
            moduleIds = moduleIds == null ? Set.of() : moduleIds;
        }
    }

    /** {@code active} is only on the edit form; a new module, whose form has no such box, is in use. */
    record ModuleForm(@NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 500) String description,
            @NotNull @DecimalMin("0.25") @DecimalMax("40") BigDecimal hours, boolean required, Boolean active,
            long version) {

        ModuleForm {
            active = active == null || active;
        }
    }

    private final TrainingService training;

    private final SupporterService supporters;

    private final OrganizationService organization;

    private final HospitalCalendar calendar;

    TrainingController(TrainingService training, SupporterService supporters, OrganizationService organization,
            HospitalCalendar calendar) {
        this.training = training;
        this.supporters = supporters;
        this.organization = organization;
        this.calendar = calendar;
    }

    @GetMapping("/sessions")
    String sessions(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("sessions", training.sessions(user.hospitalScope(),
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), 25)));
        model.addAttribute("hospitalNames", hospitalNames(user.hospitalScope()));
        return "training/sessions";
    }

    @GetMapping("/sessions/new")
    String newSession(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<HospitalSummary> hospitals = organization.hospitals(user.hospitalScope());
        Set<Long> allModules = new HashSet<>();
        training.curriculum().stream().filter(TrainingService.ModuleView::active).forEach(m -> allModules.add(m.id()));
        // Today where the session is: with several hospitals, the earliest of their todays, so that
        // attendance can be recorded at once wherever it turns out to be.
        model.addAttribute("form", new SessionForm(hospitals.size() == 1 ? hospitals.get(0).id() : null,
                calendar.earliestToday(user.hospitalScope()), null, false, allModules));
        return sessionForm(user, model);
    }

    @PostMapping("/sessions/new")
    String schedule(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") SessionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            FormErrors.alsoBroken(result, training.broken(form.hospitalId(), form.sessionDate(), form.moduleIds(),
                    user.hospitalScope()));
            return sessionForm(user, model);
        }
        Optional<Long> id = FormErrors.attemptToGet(result, () -> training.schedule(form.hospitalId(),
                form.sessionDate(), form.facilitator(), form.refresher(), form.moduleIds(), user.hospitalScope()));
        if (id.isEmpty()) {
            return sessionForm(user, model);
        }
        redirect.addFlashAttribute("flash", "session.scheduled");
        return "redirect:/training/sessions/" + id.get();
    }

    @GetMapping("/sessions/{id}")
    String session(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return sessionPage(user, training.session(id, user.hospitalScope()), model);
    }

    /**
     * The attendance checklist: {@code attended} holds supporter ids, {@code completed} holds
     * "supporterId:moduleId" pairs. Completions of someone not ticked as attending are ignored.
     */
    @PostMapping("/sessions/{id}/attendance")
    String recordAttendance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) List<Long> attended, @RequestParam(required = false) List<String> completed,
            @RequestParam long version, Model model, RedirectAttributes redirect) {
        SessionView session = training.session(id, user.hospitalScope());
        Map<Long, Set<Long>> completions = new HashMap<>();
        for (Long supporterId : attended == null ? List.<Long>of() : attended) {
            completions.put(supporterId, new HashSet<>());
        }
        try {
            for (String pair : completed == null ? List.<String>of() : completed) {
                String[] parts = pair.split(":", 2);
                if (parts.length != 2) {
                    throw new RuleViolationException(null, "session.error.badChecklist");
                }
                Set<Long> modules = completions.get(Long.parseLong(parts[0]));
                if (modules != null) {
                    modules.add(Long.parseLong(parts[1]));
                }
            }
            training.recordAttendance(id, completions, version, user.hospitalScope());
            redirect.addFlashAttribute("flash", "session.attendanceSaved");
            return "redirect:/training/sessions/" + id;
        }
        catch (NumberFormatException ex) {
            model.addAttribute("attendanceError", "session.error.badChecklist");
        }
        catch (RuleViolationException ex) {
            model.addAttribute("attendanceError", ex.messageKey());
        }
        return sessionPage(user, session, model);
    }

    /** For each department, active certified supporters against the program's target. */
    @GetMapping("/coverage")
    String coverage(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("coverage", supporters.coverage(user.hospitalScope()));
        model.addAttribute("target", organization.settings().supportersPerDepartment());
        return "training/coverage";
    }

    @GetMapping("/modules")
    String curriculum(Model model) {
        model.addAttribute("modules", training.curriculum());
        model.addAttribute("requiredHours", training.requiredHours());
        return "training/modules";
    }

    @GetMapping("/modules/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newModule(Model model) {
        model.addAttribute("form", new ModuleForm(null, null, new BigDecimal("0.5"), true, true, 0));
        model.addAttribute("moduleId", null);
        return "training/module";
    }

    @PostMapping("/modules/new")
    @PreAuthorize("hasRole('ADMIN')")
    String addModule(@Valid @ModelAttribute("form") ModuleForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("moduleId", null);
            return "training/module";
        }
        training.addModule(form.title(), form.description(), form.hours(), form.required());
        redirect.addFlashAttribute("flash", "module.saved");
        return "redirect:/training/modules";
    }

    @GetMapping("/modules/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String module(@PathVariable long id, Model model) {
        TrainingService.ModuleView m = training.module(id);
        model.addAttribute("form", new ModuleForm(m.title(), m.description(), m.hours(), m.required(), m.active(),
                m.version()));
        model.addAttribute("moduleId", id);
        return "training/module";
    }

    @PostMapping("/modules/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String changeModule(@PathVariable long id, @Valid @ModelAttribute("form") ModuleForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        training.module(id);
        if (result.hasErrors()) {
            model.addAttribute("moduleId", id);
            return "training/module";
        }
        training.changeModule(id, form.title(), form.description(), form.hours(), form.required(), form.active(),
                form.version());
        redirect.addFlashAttribute("flash", "module.saved");
        return "redirect:/training/modules";
    }

    private String sessionForm(CurrentUser user, Model model) {
        model.addAttribute("hospitalChoices", hospitalNames(user.hospitalScope()));
        model.addAttribute("modules", training.curriculum().stream().filter(TrainingService.ModuleView::active)
                .toList());
        return "training/session-new";
    }

    private String sessionPage(CurrentUser user, SessionView session, Model model) {
        List<Long> attendable = training.attendableSupporters(session.id(), user.hospitalScope());
        Set<Long> shown = new HashSet<>(attendable);
        shown.addAll(session.attendees());
        List<SupporterSummary> people = supporters.search(
                new org.peersupport.supporter.SupporterQuery(session.hospitalId(), null, null, null),
                user.hospitalScope(), PageRequest.of(0, Integer.MAX_VALUE)).stream()
                .filter(s -> shown.contains(s.id())).toList();
        // Not "session": in Thymeleaf that name means the HTTP session's attributes, which hide the model.
        model.addAttribute("trainingSession", session);
        model.addAttribute("people", people);
        model.addAttribute("hospital", organization.hospital(session.hospitalId()).orElseThrow());
        model.addAttribute("happened", !session.date().isAfter(training.today(session.hospitalId())));
        model.addAttribute("firstRecording", session.attendees().isEmpty());
        return "training/session";
    }

    private Map<Long, String> hospitalNames(HospitalScope scope) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        organization.hospitals(scope).forEach(h -> names.put(h.id(), h.name()));
        return names;
    }
}
