package org.peersupport.referral.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.PhysicianSummary;
import org.peersupport.organization.RosterService;
import org.peersupport.referral.Outcome;
import org.peersupport.referral.OverdueStage;
import org.peersupport.referral.QueueOrder;
import org.peersupport.referral.ReferralService;
import org.peersupport.referral.ReferralSource;
import org.peersupport.referral.ReferralStatus;
import org.peersupport.referral.ReferralViews.CaseForCoordinator;
import org.peersupport.referral.TriageService.QueueFilter;
import org.peersupport.referral.TriageService;
import org.peersupport.referral.Trigger;
import org.peersupport.shared.HospitalCalendar;
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
 * Triage, for coordinators (cases of their hospitals; another hospital's case is a 404) and
 * administrators: the queue, a case with its suggestions, assignment, closing, and events.
 */
@Controller
@RequestMapping("/triage")
class TriageController {

    record AssignForm(@NotNull Long supporterId, long version) {
    }

    record CloseForm(@NotNull Outcome outcome, long version) {
    }

    record EventForm(@NotNull Trigger trigger, @NotNull LocalDate eventDate,
            @NotBlank @Size(max = 20_000) String emails, @Size(max = 500) String context) {
    }

    private final TriageService triage;

    private final ReferralService referrals;

    private final OrganizationService organization;

    private final RosterService roster;

    private final HospitalCalendar calendar;

    TriageController(TriageService triage, ReferralService referrals, OrganizationService organization,
            RosterService roster, HospitalCalendar calendar) {
        this.triage = triage;
        this.referrals = referrals;
        this.organization = organization;
        this.roster = roster;
        this.calendar = calendar;
    }

    @ModelAttribute("triggers")
    Trigger[] triggers() {
        return Trigger.values();
    }

    @GetMapping
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long hospitalId,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) ReferralSource source, @RequestParam(required = false) Trigger trigger,
            @RequestParam(required = false) Integer olderThanHours, @RequestParam(required = false) String name,
            @RequestParam(required = false) Boolean urgent, @RequestParam(required = false) OverdueStage overdue,
            @RequestParam(defaultValue = "URGENT_FIRST") QueueOrder sort, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Integer age = olderThanHours == null ? null : Math.max(0, Math.min(olderThanHours, 24 * 3650));
        String words = name == null || name.isBlank() ? null : name.strip();
        if (words != null && words.length() > NAME_LENGTH) {
            words = words.substring(0, NAME_LENGTH);
        }
        // Urgent or all: "not urgent" is no question a coordinator asks.
        Boolean urgentOnly = Boolean.TRUE.equals(urgent) ? true : null;
        QueueFilter filter = new QueueFilter(hospitalId, departmentId, status, source, trigger, age, words,
                urgentOnly, overdue);
        model.addAttribute("cases", triage.queueFor(user, filter, sort,
                PageRequest.of(Math.max(0, Math.min(page, 100_000)), 25)));
        model.addAttribute("sort", sort);
        model.addAttribute("orders", QueueOrder.values());
        model.addAttribute("filter", filter);
        model.addAttribute("hospitals", organization.hospitals(user.hospitalScope()));
        model.addAttribute("departments", organization.departments(user.hospitalScope()));
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("sources", ReferralSource.values());
        model.addAttribute("overdueStages", OverdueStage.values());
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/triage")
                .queryParamIfPresent("hospitalId", Optional.ofNullable(hospitalId))
                .queryParamIfPresent("departmentId", Optional.ofNullable(departmentId))
                .queryParamIfPresent("status", Optional.ofNullable(status))
                .queryParamIfPresent("source", Optional.ofNullable(source))
                .queryParamIfPresent("trigger", Optional.ofNullable(trigger))
                .queryParamIfPresent("olderThanHours", Optional.ofNullable(age))
                .queryParamIfPresent("urgent", Optional.ofNullable(urgentOnly))
                .queryParamIfPresent("overdue", Optional.ofNullable(overdue))
                .queryParamIfPresent("name", Optional.ofNullable(words))
                .queryParamIfPresent("sort", Optional.of(sort).filter(o -> o != QueueOrder.URGENT_FIRST))
                .encode().build().toUriString());
        return "referral/queue";
    }

    /** A name search reads this much of what was typed; no name is longer. */
    static final int NAME_LENGTH = 100;

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean allSuggestions, Model model) {
        return casePage(user, id, allSuggestions, model);
    }

    @PostMapping("/{id}/assign")
    String assign(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Optional<String> assigned = FormErrors.attemptToGet(result,
                () -> triage.assign(id, form.supporterId(), form.version(), user));
        if (assigned.isPresent()) {
            redirect.addFlashAttribute("flash", "triage.assigned");
            redirect.addFlashAttribute("flashArgument", assigned.get());
            return "redirect:/triage/" + id;
        }
        // Every suggestion, so that the one chosen further down the list is still there.
        return casePage(user, id, true, model);
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (FormErrors.attempt(result, () -> triage.close(id, form.outcome(), form.version(), user))) {
            redirect.addFlashAttribute("flash", "triage.closed");
            return "redirect:/triage/" + id;
        }
        return casePage(user, id, false, model);
    }

    @GetMapping("/event")
    String eventForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", new EventForm(null, calendar.earliestToday(user.hospitalScope()), null, null));
        return "referral/event";
    }

    /** An event with several involved physicians, given by their roster e-mails, one a line. */
    @PostMapping("/event")
    String recordEvent(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") EventForm form,
            BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "referral/event";
        }
        List<Long> physicians = new ArrayList<>();
        for (String line : form.emails().split("[\\s,;]+")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<PhysicianSummary> physician = roster.physicianByEmail(line)
                    .filter(p -> user.hospitalScope().includes(p.hospitalId()) && p.active());
            if (physician.isEmpty()) {
                result.rejectValue("emails", "event.error.unknownEmail", new Object[] {line.length() > 80
                        ? line.substring(0, 80) : line}, null);
                return "referral/event";
            }
            if (!physicians.contains(physician.get().id())) {
                physicians.add(physician.get().id());
            }
        }
        if (physicians.size() > 200) {
            result.rejectValue("emails", "event.error.tooMany");
            return "referral/event";
        }
        try {
            int count = referrals.recordEvent(user, form.trigger(), form.eventDate(), physicians, form.context());
            redirect.addFlashAttribute("flash", "event.recorded");
            redirect.addFlashAttribute("eventCount", count);
            return "redirect:/triage";
        }
        catch (RuleViolationException ex) {
            FormErrors.reject(ex, result);
            return "referral/event";
        }
    }

    /** The case page; the form that was just sent keeps what was typed, the other starts afresh. */
    private String casePage(CurrentUser user, UUID id, boolean allSuggestions, Model model) {
        TriageService.CasePage page = triage.casePage(id, user,
                allSuggestions ? Integer.MAX_VALUE : TriageService.SUGGESTIONS_SHOWN);
        CaseForCoordinator c = page.referral();
        if (!model.containsAttribute("assignForm")) {
            model.addAttribute("assignForm", new AssignForm(null, c.version()));
        }
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", new CloseForm(null, c.version()));
        }
        model.addAttribute("referral", c);
        if (page.suggestions() != null) {
            model.addAttribute("suggestions", page.suggestions());
        }
        model.addAttribute("outcomes", Outcome.values());
        return "referral/case";
    }
}
