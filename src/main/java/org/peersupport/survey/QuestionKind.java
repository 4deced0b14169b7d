package org.peersupport.survey;

import java.util.List;

/** What a question asks for. Answers to the first three are stored as a number, free text as text. */
public enum QuestionKind {
    /** 1 for yes, 0 for no. */
    YES_NO,
    /** 1 to 5, with labels at both ends. */
    LIKERT,
    /** 1 to the number of choices, in their order. */
    SINGLE_CHOICE,
    FREE_TEXT;

    public static final int LIKERT_POINTS = 5;

    public static final int YES = 1;

    public static final int NO = 0;

    public boolean isFreeText() {
        return this == FREE_TEXT;
    }

    /** The values an answer may take, in the order they are shown. */
    public List<Integer> values(int choiceCount) {
        return switch (this) {
            case YES_NO -> List.of(YES, NO);
            case LIKERT -> List.of(1, 2, 3, 4, 5);
            case SINGLE_CHOICE -> java.util.stream.IntStream.rangeClosed(1, choiceCount).boxed().toList();
            case FREE_TEXT -> List.of();
        };
    }
}
