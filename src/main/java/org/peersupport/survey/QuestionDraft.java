package org.peersupport.survey;

import java.util.List;

/** A question as an editor writes it. {@code shownIfYesTo} names an earlier yes/no question. */
public record QuestionDraft(QuestionKind kind, String text, boolean required, String lowLabel, String highLabel,
        List<String> choices, Long shownIfYesTo) {

    public QuestionDraft {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
