package org.peersupport.survey.domain;

/** One answer of a response: a number for choices, or a text. */
public record Answer(long questionId, Integer choice, String text) {

    public static Answer choice(long questionId, int value) {
        return new Answer(questionId, value, null);
    }

    public static Answer text(long questionId, String text) {
        return new Answer(questionId, null, text);
    }
}
