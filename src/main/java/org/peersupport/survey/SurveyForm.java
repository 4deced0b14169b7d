package org.peersupport.survey;

import java.time.LocalDate;
import java.util.List;

/** What a respondent sees: the campaign's title, its closing day and the questions. Nothing about them. */
public record SurveyForm(String title, LocalDate closesOn, List<QuestionView> questions) {

    public boolean anyRequired() {
        return questions.stream().anyMatch(QuestionView::required);
    }
}
