package org.peersupport.reporting;

/**
 * The figures taken from the built-in program evaluation (V21), by question number. RESPONDED is
 * the response rate: responses out of invitations.
 */
public enum SurveyMeasure {

    RESPONDED(0), HAD_INTERACTION(1), RECOMMEND(2), WELL_BEING(3), EMOTIONS(4), STIGMA(5), CULTURE(6);

    private final int question;

    SurveyMeasure(int question) {
        this.question = question;
    }

    /** The question's number in the program evaluation template; 0 for the response rate. */
    public int question() {
        return question;
    }

    static SurveyMeasure forQuestion(int number) {
        for (SurveyMeasure measure : values()) {
            if (measure.question == number && number > 0) {
                return measure;
            }
        }
        return null;
    }
}
