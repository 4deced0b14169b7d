package org.peersupport.survey.domain;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;

/** A question of one template version. It changes only through its template, while that is a draft. */
@Entity
@Table(name = "survey_question")
public class SurveyQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private SurveyTemplate template;

    private int position;

    @Enumerated(EnumType.STRING)
    private QuestionKind kind;

    private String text;

    private boolean required;

    private String lowLabel;

    private String highLabel;

    private String choices;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shown_if_yes_to")
    private SurveyQuestion shownIfYesTo;

    protected SurveyQuestion() {
    }

    SurveyQuestion(SurveyTemplate template, int position) {
        this.template = template;
        this.position = position;
    }

    void apply(QuestionDraft draft, SurveyQuestion gate) {
        this.kind = draft.kind();
        this.text = draft.text().strip();
        this.required = draft.required();
        boolean likert = draft.kind() == QuestionKind.LIKERT;
        this.lowLabel = likert ? draft.lowLabel().strip() : null;
        this.highLabel = likert ? draft.highLabel().strip() : null;
        this.choices = draft.kind() == QuestionKind.SINGLE_CHOICE
                ? String.join("\n", draft.choices().stream().map(String::strip).toList()) : null;
        this.shownIfYesTo = gate;
    }

    /** The same question in another template version; the gate is mapped by the caller. */
    SurveyQuestion copyInto(SurveyTemplate other, SurveyQuestion gate) {
        SurveyQuestion copy = new SurveyQuestion(other, position);
        copy.kind = kind;
        copy.text = text;
        copy.required = required;
        copy.lowLabel = lowLabel;
        copy.highLabel = highLabel;
        copy.choices = choices;
        copy.shownIfYesTo = gate;
        return copy;
    }

    public List<String> choiceList() {
        return choices == null || choices.isEmpty() ? List.of() : Arrays.asList(choices.split("\n"));
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public boolean isRequired() {
        return required;
    }

    public String getLowLabel() {
        return lowLabel;
    }

    public String getHighLabel() {
        return highLabel;
    }

    public SurveyQuestion getShownIfYesTo() {
        return shownIfYesTo;
    }

    void clearCondition() {
        this.shownIfYesTo = null;
    }
}
