package org.peersupport.survey.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;
import org.peersupport.survey.SurveyTemplateService;
import org.peersupport.survey.TemplateView;
import org.peersupport.web.FormErrors;
import org.springframework.data.domain.PageRequest;
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
 * Survey templates, shared by the program. A draft version is edited in place; a version used by
 * a campaign is frozen, and its "Edit" makes the next version as a draft.
 */
@Controller
@RequestMapping("/surveys/templates")
class TemplateController {

    static final int PAGE_SIZE = 25;

    record NameForm(@NotBlank @Size(max = 160) String name, long version) {
    }

    record QuestionForm(@NotNull QuestionKind kind, @NotBlank @Size(max = 500) String text, Boolean required,
            @Size(max = 80) String lowLabel, @Size(max = 80) String highLabel, @Size(max = 2000) String choices,
            Long shownIfYesTo, long version) {

        static QuestionForm empty(long version) {
            return new QuestionForm(QuestionKind.YES_NO, null, false, "Strongly disagree", "Strongly agree", null,
                    null, version);
        }

        static QuestionForm of(QuestionView q, long version) {
            return new QuestionForm(q.kind(), q.text(), q.required(), q.lowLabel(), q.highLabel(),
                    String.join("\n", q.choices()), q.shownIfYesTo(), version);
        }

        QuestionDraft draft() {
            List<String> lines = choices == null ? List.of()
                    : Arrays.stream(choices.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new QuestionDraft(kind, text, Boolean.TRUE.equals(required), lowLabel, highLabel, lines,
                    shownIfYesTo);
        }
    }

    private final SurveyTemplateService templates;

    TemplateController(SurveyTemplateService templates) {
        this.templates = templates;
    }

    @ModelAttribute("kinds")
    Map<QuestionKind, String> kinds() {
        Map<QuestionKind, String> kinds = new LinkedHashMap<>();
        for (QuestionKind kind : QuestionKind.values()) {
            kinds.put(kind, "questionKind." + kind.name());
        }
        return kinds;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("templates", templates.templates(PageRequest.of(Math.max(0, Math.min(page, 100_000)),
                PAGE_SIZE)));
        model.addAttribute("nameForm", new NameForm(null, 0));
        return "survey/templates";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("nameForm") NameForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("templates", templates.templates(PageRequest.of(0, PAGE_SIZE)));
            return "survey/templates";
        }
        long id = templates.create(form.name());
        redirect.addFlashAttribute("flash", "template.created");
        return "redirect:/surveys/templates/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        TemplateView template = templates.template(id);
        model.addAttribute("nameForm", new NameForm(template.name(), template.version()));
        model.addAttribute("questionForm", QuestionForm.empty(template.version()));
        return page(template, model);
    }

    @PostMapping("/{id}/versions")
    String newVersion(@PathVariable long id, RedirectAttributes redirect) {
        long draft = templates.newVersion(id);
        redirect.addFlashAttribute("flash", draft == id ? "template.alreadyDraft" : "template.versionCreated");
        return "redirect:/surveys/templates/" + draft;
    }

    @PostMapping("/{id}/name")
    String rename(@PathVariable long id, @Valid @ModelAttribute("nameForm") NameForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        TemplateView template = templates.template(id);
        if (!result.hasErrors()) {
            try {
                templates.rename(id, form.name(), form.version());
                redirect.addFlashAttribute("flash", "template.saved");
                return "redirect:/surveys/templates/" + id;
            }
            catch (RuleViolationException ex) {
                reject(ex, result, model);
            }
        }
        model.addAttribute("questionForm", QuestionForm.empty(template.version()));
        return page(template, model);
    }

    @PostMapping("/{id}/questions")
    String add(@PathVariable long id, @Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        TemplateView template = templates.template(id);
        if (!result.hasErrors()) {
            try {
                templates.addQuestion(id, form.draft(), form.version());
                redirect.addFlashAttribute("flash", "template.questionAdded");
                return "redirect:/surveys/templates/" + id;
            }
            catch (RuleViolationException ex) {
                reject(ex, result, model);
            }
        }
        model.addAttribute("nameForm", new NameForm(template.name(), template.version()));
        return page(template, model);
    }

    @GetMapping("/{id}/questions/{questionId}")
    String editQuestion(@PathVariable long id, @PathVariable long questionId, Model model) {
        TemplateView template = templates.template(id);
        QuestionView question = template.question(questionId);
        model.addAttribute("questionForm", QuestionForm.of(question, template.version()));
        return questionPage(template, question, model);
    }

    @PostMapping("/{id}/questions/{questionId}")
    String changeQuestion(@PathVariable long id, @PathVariable long questionId,
            @Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        TemplateView template = templates.template(id);
        QuestionView question = template.question(questionId);
        if (FormErrors.attempt(result, () ->
                templates.changeQuestion(id, questionId, form.draft(), form.version()))) {
            redirect.addFlashAttribute("flash", "template.questionSaved");
            return "redirect:/surveys/templates/" + id;
        }
        return questionPage(template, question, model);
    }

    @PostMapping("/{id}/questions/{questionId}/delete")
    String remove(@PathVariable long id, @PathVariable long questionId, @RequestParam long version,
            RedirectAttributes redirect) {
        return act(id, redirect, "template.questionRemoved",
                () -> templates.removeQuestion(id, questionId, version));
    }

    @PostMapping("/{id}/questions/{questionId}/move")
    String move(@PathVariable long id, @PathVariable long questionId, @RequestParam int direction,
            @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, "template.questionMoved",
                () -> templates.moveQuestion(id, questionId, direction, version));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        }
        catch (RuleViolationException ex) {
            redirect.addFlashAttribute("problem", new CampaignController.Problem(ex.messageKey(), ex.arguments()));
        }
        return "redirect:/surveys/templates/" + id;
    }

    /** A rule about the whole template (it is frozen) shows at the top; others next to their field. */
    private static void reject(RuleViolationException ex, BindingResult result, Model model) {
        if (ex.field() == null) {
            model.addAttribute("problem", new CampaignController.Problem(ex.messageKey(), ex.arguments()));
        }
        else {
            FormErrors.reject(ex, result);
        }
    }

    private String page(TemplateView template, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("gates", gates(template, Integer.MAX_VALUE));
        return "survey/template";
    }

    private String questionPage(TemplateView template, QuestionView question, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("question", question);
        model.addAttribute("gates", gates(template, question.number()));
        return "survey/question";
    }

    /** The yes/no questions a question at this number may depend on: those before it. */
    private static Map<Long, String> gates(TemplateView template, int before) {
        Map<Long, String> gates = new LinkedHashMap<>();
        template.questions().stream().filter(q -> q.kind() == QuestionKind.YES_NO && q.number() < before)
                .forEach(q -> gates.put(q.id(), q.number() + ". " + abbreviate(q.text())));
        return gates;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "\u2026";
    }
}
