package org.peersupport.survey.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peersupport.shared.HospitalScoped;
import org.peersupport.survey.Proportion;
import org.peersupport.survey.SurveyResults.Group;
import org.peersupport.survey.SurveyResults.Option;
import org.peersupport.survey.SurveyResults.QuestionResult;
import org.peersupport.survey.SurveyResults.Rate;
import org.peersupport.survey.SurveyResults;
import org.peersupport.survey.CampaignService;
import org.peersupport.survey.SurveyResultsService;
import org.peersupport.web.CsvCells;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A closed campaign's results, and their CSV export, for the coordinators of its hospital and
 * administrators. The export holds the same suppressed aggregates as the page and nothing more:
 * no response rows, and no free text. While the campaign is open there are no results at all: the
 * page says when they will appear, and the export is not found.
 */
@Controller
@RequestMapping("/surveys/{id}")
class ResultsController {

    private final SurveyResultsService results;

    private final MessageSource messages;

    private final CampaignService campaigns;

    ResultsController(SurveyResultsService results, MessageSource messages, CampaignService campaigns) {
        this.results = results;
        this.messages = messages;
        this.campaigns = campaigns;
    }

    @GetMapping("/results")
    String results(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, Model model) {
        if (!results.published(id, user.hospitalScope())) {
            model.addAttribute("campaign", campaigns.campaign(id, user.hospitalScope()));
            return "survey/results-pending";
        }
        model.addAttribute("results", results.results(id, user.hospitalScope()));
        return "survey/results";
    }

    @GetMapping("/results.csv")
    void export(@AuthenticationPrincipal HospitalScoped user, @PathVariable UUID id, Locale locale,
            HttpServletResponse response) throws IOException {
        SurveyResults found = results.results(id, user.hospitalScope());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"survey-results.csv\"");
        String hidden = messages.getMessage("survey.results.suppressed", new Object[] {found.minGroupSize()},
                locale);
        String all = messages.getMessage("survey.results.allDepartments", null, locale);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("question", "group", "answer", "count", "of",
                "percent", "ci95_low_percent", "ci95_high_percent", "note").get();
        try (Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            String rateLabel = messages.getMessage("survey.results.responseRate", null, locale);
            for (Rate rate : found.rates()) {
                rate(csv, rateLabel, rate.label(), rate, hidden);
            }
            rate(csv, rateLabel, all, found.total(), hidden);
            for (QuestionResult question : found.questions()) {
                if (question.question().kind().isFreeText()) {
                    continue;
                }
                String text = question.question().number() + ". " + question.question().text();
                for (Group group : question.groups()) {
                    String label = group.total() ? all : group.label();
                    if (group.suppressed()) {
                        csv.printRecord(cell(text), cell(label), "", "", "", "", "", "", hidden);
                        continue;
                    }
                    for (int i = 0; i < question.options().size(); i++) {
                        share(csv, text, label, optionLabel(question.options().get(i), locale), group.shares().get(i),
                                "");
                    }
                    if (group.headline() != null) {
                        String headline = messages.getMessage("results.headline."
                                + question.question().kind().name(), null, locale);
                        share(csv, text, label, headline, group.headline(), "");
                    }
                }
            }
        }
    }

    private static void rate(CSVPrinter csv, String question, String group, Rate rate, String hidden)
            throws IOException {
        if (rate.suppressed()) {
            csv.printRecord(cell(question), cell(group), "", "", rate.invited(), "", "", "", hidden);
        }
        else if (rate.rate() == null) {
            csv.printRecord(cell(question), cell(group), "", rate.responded(), rate.invited(), "", "", "", "");
        }
        else {
            share(csv, question, group, "", rate.rate(), "");
        }
    }

    private static void share(CSVPrinter csv, String question, String group, String answer, Proportion p,
            String note) throws IOException {
        csv.printRecord(cell(question), cell(group), cell(answer), p.count(), p.of(), p.percent(), p.lowPercent(),
                p.highPercent(), note);
    }

    private String optionLabel(Option option, Locale locale) {
        return option.messageKey() != null ? messages.getMessage(option.messageKey(), null, locale) : option.label();
    }

    private static String cell(String value) {
        return CsvCells.neutralise(value);
    }
}
