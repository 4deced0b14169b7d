package org.peersupport.resource.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.account.CurrentUser;
import org.peersupport.organization.OrganizationService;
import org.peersupport.resource.ResourceDetails;
import org.peersupport.resource.ResourceKind;
import org.peersupport.resource.ResourceService;
import org.peersupport.resource.ResourceView;
import org.peersupport.web.FormErrors;
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
 * The resource directory, for administrators (everything) and coordinators (program-wide to read,
 * their hospitals' to keep). Another hospital's resource is a 404.
 */
@Controller
@RequestMapping("/resources")
class ResourceController {

    record ResourceForm(Long hospitalId, @NotBlank @Size(max = 160) String name, @NotNull ResourceKind kind,
            @Size(max = 40) String phone, @Size(max = 300) String webAddress, @Size(max = 160) String hours,
            @NotNull @Min(1) @Max(9) Integer tier, boolean active, long version) {

        ResourceDetails details() {
            return new ResourceDetails(hospitalId, name, kind, phone, webAddress, hours, tier, active);
        }
    }

    private final ResourceService resources;

    private final OrganizationService organization;

    ResourceController(ResourceService resources, OrganizationService organization) {
        this.resources = resources;
        this.organization = organization;
    }

    @ModelAttribute("kinds")
    ResourceKind[] kinds() {
        return ResourceKind.values();
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("resources", resources.directory(user.hospitalScope()));
        return "resource/list";
    }

    @GetMapping("/new")
    String newResource(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("form", new ResourceForm(null, null, null, null, null, null, 1, true, 0));
        return formPage(user, null, model);
    }

    @PostMapping("/new")
    String add(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ResourceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(result, () -> resources.add(form.details(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "resource.saved");
            return "redirect:/resources";
        }
        return formPage(user, null, model);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ResourceView r = resources.resource(id, user.hospitalScope());
        model.addAttribute("form", new ResourceForm(r.hospitalId(), r.name(), r.kind(), r.phone(), r.webAddress(),
                r.hours(), r.tier(), r.active(), r.version()));
        return formPage(user, r, model);
    }

    @PostMapping("/{id}")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("form") ResourceForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        ResourceView r = resources.resource(id, user.hospitalScope());
        if (FormErrors.attempt(result, () ->
                resources.change(id, form.details(), form.version(), user.hospitalScope()))) {
            redirect.addFlashAttribute("flash", "resource.saved");
            return "redirect:/resources";
        }
        return formPage(user, r, model);
    }

    private String formPage(CurrentUser user, ResourceView resource, Model model) {
        Map<Long, String> hospitals = new LinkedHashMap<>();
        organization.hospitals(user.hospitalScope()).forEach(h -> hospitals.put(h.id(), h.name()));
        model.addAttribute("hospitalChoices", hospitals);
        model.addAttribute("resource", resource);
        model.addAttribute("programWideAllowed", user.hospitalScope().all());
        return "resource/form";
    }
}
