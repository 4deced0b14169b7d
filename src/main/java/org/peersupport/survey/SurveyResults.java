package org.peersupport.survey;

import java.util.List;

/**
 * The results of a campaign, already suppressed: a hidden group carries no figures at all, so no
 * page or export can show them by mistake.
 */
public record SurveyResults(CampaignView campaign, int minGroupSize, int minFreeTextSize, List<Rate> rates,
        Rate total, List<QuestionResult> questions) {

    /** A department's (or, with a null label, all departments') response rate. */
    public record Rate(String label, int invited, boolean suppressed, Long responded, Proportion rate) {
    }

    /** The answers to one question: a line per group, a column per option. */
    public record QuestionResult(QuestionView question, List<Option> options, List<Group> groups,
            List<FreeText> freeText) {

        public boolean hasHeadline() {
            return question.kind() == QuestionKind.YES_NO || question.kind() == QuestionKind.LIKERT;
        }
    }

    /** An answer option; its label is a message key for yes and no, the template's words otherwise. */
    public record Option(int value, String label, String messageKey) {
    }

    /**
     * One group's answers. When {@code suppressed}, the counts are empty and {@code answered} is 0.
     * {@code headline} is the share answering yes, or agreeing (4 or 5) on a Likert scale.
     */
    public record Group(String label, boolean suppressed, long answered, List<Proportion> shares,
            Proportion headline) {

        public boolean total() {
            return label == null;
        }
    }

    /** A department's free-text answers, in random order, shown only for large enough groups. */
    public record FreeText(String department, boolean shown, long count, List<String> answers) {
    }
}
