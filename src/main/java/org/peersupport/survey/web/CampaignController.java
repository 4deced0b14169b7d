package org.peersupport.survey.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.shared.HospitalCalendar;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.HospitalScoped;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.CampaignSummary;
import org.peersupport.survey.NewCampaign;
import org.peersupport.survey.SurveyTemplateService;
import org.peersupport.survey.TemplateSummary;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Survey campaigns: the list, a new campaign, and a campaign's page with its sending progress and
 * actions. Coordinators see their hospitals' campaigns; another hospital's id is a 404.
 */
@Controller
@RequestMapping("/surveys")
class CampaignController {

    static final int PAGE_SIZE = 20;

    record CampaignForm(@NotBlank @Size(max = 160) String title, @NotNull Long templateId, @NotNull Long hospitalId,
            @NotEmpty List<Long> departmentIds, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn) {

        NewCampaign request() {
            return new NewCampaign(title, templateId, hospitalId, departmentIds, opensOn, closesOn);
        }
    }

    /**
     * A problem with an action on the campaign page, shown at its top after the redirect. A flash
     * attribute travels in the session, which is stored in the database, so it is serializable.
     */
    record Problem(String key, Object[] args) implements java.io.Serializable {
    }

    private final CampaignService campaigns;

    private final SurveyTemplateService templates;

    private final OrganizationService organization;

    private final HospitalCalendar calendar;

    CampaignController(CampaignService campaigns, SurveyTemplateService templates, OrganizationService organization,
            HospitalCalendar calendar) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.organization = organization;
        this.calendar = calendar;
    }

    @GetMapping
    String list(@AuthenticationPrincipal HospitalScoped user, @RequestParam(defaultValue = "0") int page,
            Model model) {
        HospitalScope scope = user.hospitalScope();
        Page<CampaignSummary> found = campaigns.campaigns(scope,
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
        Map<Long, HospitalSummary> hospitals = organization.hospitals(scope).stream()
                .collect(Collectors.toMap(HospitalSummary::id, Function.identity()));
        model.addAttribute("campaigns", found);
        model.addAttribute("hospitals", hospitals);
        model.addAttribute("todays", hospitals.values().stream()
                .collect(Collectors.toMap(HospitalSummary::id, h -> calendar.today(h.timeZone()))));
        return "survey/campaigns";
    }

    @GetMapping("/new")
    String newCampaign(@AuthenticationPrincipal HospitalScoped user, Model model) {
        List<HospitalSummary> hospitals = organization.hospitals(user.hospitalScope());
        LocalDate opens = calendar.earliestToday(user.hospitalScope());
        List<TemplateSummary> usable = templates.usable();
        model.addAttribute("form", new CampaignForm(null, usable.isEmpty() ? null : usable.get(0).id(),
                hospitals.size() == 1 ? hospitals.get(0).id() : null, List.of(), opens, opens.plusDays(14)));
        return formPage(user, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal HospitalScoped user, @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            FormErrors.alsoBroken(result, campaigns.broken(form.request(), user.hospitalScope()));
            return formPage(user, model);
        }
        Optional<UUID> id = FormErrors.attemptToGet(result, () -> campaigns.create(form.request(),
                user.hospitalScope()));
        if (id.isEmpty()) {
            return formPage(user, model);
        }
        redirect.addFlashAttribute("flash", "campaign.created");
        return "redirect:/surveys/" + id.get();
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, Model model) {
        model.addAttribute("campaign", campaigns.campaign(id, user.hospitalScope()));
        return "survey/campaign";
    }

    /** The progress panel alone, which the campaign page reloads while e-mails are going out. */
    @GetMapping("/{id}/progress")
    String progress(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, Model model) {
        model.addAttribute("campaign", campaigns.campaign(id, user.hospitalScope()));
        return "survey/campaign :: progress";
    }

    @PostMapping("/{id}/open")
    String open(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            int invited = campaigns.open(id, user.hospitalScope());
            redirect.addFlashAttribute("opened", invited);
        });
    }

    @PostMapping("/{id}/schedule")
    String schedule(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            campaigns.schedule(id, user.hospitalScope());
            redirect.addFlashAttribute("flash", "campaign.scheduled");
        });
    }

    @PostMapping("/{id}/remind")
    String remind(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            int queued = campaigns.remind(id, user.hospitalScope());
            redirect.addFlashAttribute("reminded", queued);
        });
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            campaigns.close(id, user.hospitalScope());
            redirect.addFlashAttribute("flash", "campaign.closedNow");
        });
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        }
        catch (RuleViolationException ex) {
            redirect.addFlashAttribute("problem", new Problem(ex.messageKey(), ex.arguments()));
        }
        return "redirect:/surveys/" + id;
    }

    private String formPage(HospitalScoped user, Model model) {
        HospitalScope scope = user.hospitalScope();
        Map<Long, String> hospitals = new LinkedHashMap<>();
        organization.hospitals(scope).stream().filter(HospitalSummary::active)
                .forEach(h -> hospitals.put(h.id(), h.name()));
        Map<Long, String> templateChoices = new LinkedHashMap<>();
        templates.usable().forEach(t -> templateChoices.put(t.id(), t.label()));
        List<DepartmentSummary> departments = organization.departments(scope).stream()
                .filter(DepartmentSummary::active).toList();
        model.addAttribute("hospitalChoices", hospitals);
        model.addAttribute("templateChoices", templateChoices);
        model.addAttribute("departments", departments);
        return "survey/campaign-new";
    }
}
