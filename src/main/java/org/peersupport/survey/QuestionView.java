package org.peersupport.survey;

import java.util.List;

/** A question of a template, numbered from 1 in the order it is asked. */
public record QuestionView(long id, int number, QuestionKind kind, String text, boolean required, String lowLabel,
        String highLabel, List<String> choices, Long shownIfYesTo, Integer shownIfYesToNumber) {

    public boolean conditional() {
        return shownIfYesTo != null;
    }

    /** The values an answer may take, in the order they are shown. */
    public List<Integer> values() {
        return kind.values(choices.size());
    }

    /** The form field of this question on the answering page. */
    public String field() {
        return "q" + id;
    }
}
