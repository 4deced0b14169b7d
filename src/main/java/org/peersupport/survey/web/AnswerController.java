package org.peersupport.survey.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.peersupport.survey.Submission;
import org.peersupport.survey.SurveyAnswering;
import org.peersupport.survey.SurveyForm;
import org.peersupport.survey.domain.AnswerSheet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The answering page behind a one-time link, for anyone who holds the link: no sign-in, no
 * session, no cookie. An unknown, used or closed link gets one and the same kind page, so the page
 * never tells whether a link was real or whether its owner has answered.
 */
@Controller
@RequestMapping("/s")
class AnswerController {

    private final SurveyAnswering answering;

    AnswerController(SurveyAnswering answering) {
        this.answering = answering;
    }

    /** The token is in the path; no page of it may pass its address on to another site or page. */
    @ModelAttribute
    void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    @GetMapping("/thanks")
    String thanks() {
        return "survey/thanks";
    }

    @GetMapping("/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        return answering.form(token).map(form -> page(form, AnswerSheet.empty(), model))
                .orElseGet(() -> unavailable(response));
    }

    @PostMapping("/{token}")
    String submit(@PathVariable String token, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Map<String, String[]> parameters = request.getParameterMap();
        Submission submission = answering.submit(token, parameters);
        if (submission instanceof Submission.Saved) {
            return "redirect:/s/thanks";
        }
        if (submission instanceof Submission.Invalid invalid) {
            return page(invalid.form(), invalid.sheet(), model);
        }
        return unavailable(response);
    }

    private static String page(SurveyForm form, AnswerSheet sheet, Model model) {
        model.addAttribute("survey", form);
        model.addAttribute("sheet", sheet);
        return "survey/answer";
    }

    private static String unavailable(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "survey/unavailable";
    }
}
