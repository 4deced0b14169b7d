package org.peersupport.survey;

import org.peersupport.survey.domain.AnswerSheet;

/** What became of a submitted answering form. */
public sealed interface Submission {

    /** Saved, anonymously; the link is now used. */
    record Saved() implements Submission {
    }

    /** Not saved: the answers have problems, listed on the sheet next to the answers as sent. */
    record Invalid(SurveyForm form, AnswerSheet sheet) implements Submission {
    }

    /** The link is unknown, used, or its campaign is not open. Which one is never told. */
    record Unavailable() implements Submission {
    }
}
