package org.peersupport.organization.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.organization.MatchingPolicy;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.organization.domain.ProgramSettings;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators edit the program's settings: one row for the whole program. */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

    record SettingsForm(
            @NotBlank @Size(max = 120) String programName,
            @NotNull MatchingPolicy matchingPolicy,
            @NotNull @Min(1) @Max(720) Integer assignTargetHours,
            @NotNull @Min(1) @Max(168) Integer urgentAssignTargetHours,
            @NotNull @Min(1) @Max(720) Integer firstContactTargetHours,
            @NotNull @Min(1) @Max(168) Integer urgentTargetHours,
            @NotNull @Min(1) @Max(120) Integer certificationValidMonths,
            @NotNull @Min(1) @Max(3650) Integer noteRetentionDays,
            @NotNull @Max(100) Integer surveyMinGroupSize,
            @NotNull @Max(100) Integer surveyMinFreeTextSize,
            @NotNull @Min(1) @Max(50) Integer supportersPerDepartment,
            long version) {

        static SettingsForm of(ProgramSettingsView s, long version) {
            return new SettingsForm(s.programName(), s.matchingPolicy(), s.assignTargetHours(),
                    s.urgentAssignTargetHours(), s.firstContactTargetHours(),
                    s.urgentTargetHours(), s.certificationValidMonths(), s.noteRetentionDays(),
                    s.surveyMinGroupSize(), s.surveyMinFreeTextSize(), s.supportersPerDepartment(), version);
        }

        ProgramSettingsView view() {
            return new ProgramSettingsView(programName, matchingPolicy, assignTargetHours, urgentAssignTargetHours,
                    firstContactTargetHours, urgentTargetHours,
                    certificationValidMonths, noteRetentionDays, surveyMinGroupSize, surveyMinFreeTextSize,
                    supportersPerDepartment);
        }
    }

    private final OrganizationService organization;

    SettingsController(OrganizationService organization) {
        this.organization = organization;
    }

    @ModelAttribute("policies")
    MatchingPolicy[] policies() {
        return MatchingPolicy.values();
    }

    @GetMapping
    String show(org.springframework.ui.Model model) {
        var edited = organization.settingsToEdit();
        model.addAttribute("form", SettingsForm.of(edited.value(), edited.version()));
        return "admin/settings";
    }

    @PostMapping
    String save(@Valid @ModelAttribute("form") SettingsForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            // The rules between fields as well, for the values that could be read: every problem at
            // once, not one more on the next submit. A field that already has its error keeps it alone.
            FormErrors.alsoBroken(result, ProgramSettings.broken(form.assignTargetHours(),
                    form.urgentAssignTargetHours(), form.firstContactTargetHours(), form.urgentTargetHours(),
                    form.surveyMinGroupSize(), form.surveyMinFreeTextSize()));
            return "admin/settings";
        }
        try {
            organization.changeSettings(form.view(), form.version());
        }
        catch (RuleViolationException ex) {
            FormErrors.reject(ex, result);
            return "admin/settings";
        }
        redirect.addFlashAttribute("flash", "settings.saved");
        return "redirect:/admin/settings";
    }
}
