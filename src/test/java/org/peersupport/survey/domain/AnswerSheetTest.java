package org.peersupport.survey.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSheetTest {

    static final QuestionView HAD = new QuestionView(11, 1, QuestionKind.YES_NO, "Had an interaction?", true, null,
            null, List.of(), null, null);

    static final QuestionView WELLBEING = new QuestionView(12, 2, QuestionKind.LIKERT, "Well-being improved", false,
            "Strongly disagree", "Strongly agree", List.of(), 11L, 1);

    static final QuestionView CULTURE = new QuestionView(13, 3, QuestionKind.LIKERT, "Culture changed", true,
            "Strongly disagree", "Strongly agree", List.of(), null, null);

    static final QuestionView ROLE = new QuestionView(14, 4, QuestionKind.SINGLE_CHOICE, "Your role", false, null,
            null, List.of("Attending", "Resident", "Fellow"), null, null);

    static final QuestionView COMMENTS = new QuestionView(15, 5, QuestionKind.FREE_TEXT, "Anything else?", false,
            null, null, List.of(), null, null);

    static final List<QuestionView> QUESTIONS = List.of(HAD, WELLBEING, CULTURE, ROLE, COMMENTS);

    static Map<String, String[]> params(String... pairs) {
        Map<String, String[]> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return params;
    }

    @Test
    void a_complete_form_gives_one_answer_per_answered_question() {
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS,
                params("q11", "1", "q12", "4", "q13", "5", "q14", "2", "q15", "  Thank you  "));
        assertThat(sheet.valid()).isTrue();
        assertThat(sheet.answers()).containsExactly(Answer.choice(11, 1), Answer.choice(12, 4), Answer.choice(13, 5),
                Answer.choice(14, 2), Answer.text(15, "Thank you"));
    }

    @Test
    void optional_questions_may_be_left_blank_and_required_ones_may_not() {
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "0", "q15", "   "));
        assertThat(sheet.valid()).isFalse();
        assertThat(sheet.problems()).containsOnlyKeys("q13");
        assertThat(sheet.problem("q13").messageKey()).isEqualTo("survey.answer.error.required");
    }

    @Test
    void an_answer_to_a_question_not_in_the_template_is_refused() {
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "1", "q13", "3", "q999", "5"));
        assertThat(sheet.valid()).isFalse();
        assertThat(sheet.formProblems()).extracting(AnswerSheet.Problem::messageKey)
                .containsExactly("survey.answer.error.unknownQuestion");
        assertThat(sheet.value("q13")).isEqualTo("3");
    }

    @Test
    void likert_values_outside_one_to_five_and_non_numbers_are_refused() {
        for (String bad : new String[] {"0", "6", "-1", "3.5", "abc", "99999999999", "1e1"}) {
            AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", bad));
            assertThat(sheet.problem("q13")).as(bad).isNotNull()
                    .extracting(AnswerSheet.Problem::messageKey).isEqualTo("survey.answer.error.notAChoice");
            assertThat(sheet.value("q13")).as("kept as sent").isEqualTo(bad);
        }
    }

    @Test
    void yes_no_and_single_choice_accept_only_their_values() {
        assertThat(AnswerSheet.read(QUESTIONS, params("q11", "2", "q13", "3")).problem("q11")).isNotNull();
        assertThat(AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3", "q14", "4")).problem("q14")).isNotNull();
        assertThat(AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3", "q14", "3")).valid()).isTrue();
    }

    @Test
    void two_answers_to_one_question_are_refused() {
        Map<String, String[]> params = params("q13", "3");
        params.put("q11", new String[] {"1", "0"});
        assertThat(AnswerSheet.read(QUESTIONS, params).problem("q11").messageKey())
                .isEqualTo("survey.answer.error.oneAnswer");
    }

    @Test
    void a_question_asked_only_after_a_yes_is_refused_after_a_no_and_skipped_without_answer() {
        AnswerSheet afterNo = AnswerSheet.read(QUESTIONS, params("q11", "0", "q12", "4", "q13", "3"));
        assertThat(afterNo.problem("q12").messageKey()).isEqualTo("survey.answer.error.notAsked");
        assertThat(afterNo.problem("q12").arguments()).containsExactly(1);

        AnswerSheet afterYes = AnswerSheet.read(QUESTIONS, params("q11", "1", "q12", "4", "q13", "3"));
        assertThat(afterYes.valid()).isTrue();

        AnswerSheet skipped = AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3"));
        assertThat(skipped.valid()).isTrue();
        assertThat(skipped.answers()).extracting(Answer::questionId).containsExactly(11L, 13L);
    }

    @Test
    void a_megabyte_of_free_text_is_refused_with_its_length_and_kept_for_editing() {
        String huge = "a".repeat(1_048_576);
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3", "q15", huge));
        assertThat(sheet.problem("q15").messageKey()).isEqualTo("survey.answer.error.tooLong");
        assertThat(sheet.problem("q15").arguments()).containsExactly(2000, 1_048_576);
        assertThat(sheet.value("q15")).hasSize(1_048_576);
        assertThat(sheet.valid()).isFalse();
        assertThat(sheet.answers()).extracting(Answer::questionId).doesNotContain(15L);
    }

    @Test
    void free_text_of_exactly_two_thousand_characters_counts_line_breaks_as_the_browser_does() {
        String text = ("x".repeat(99) + "\r\n").repeat(20);
        // 20 lines of 99 characters and a line break: 2,000 in the browser, 2,020 as sent (CRLF).
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3", "q15", text));
        assertThat(sheet.valid()).isTrue();
        assertThat(sheet.answers()).last().extracting(Answer::text).asString().hasSize(1999).doesNotContain("\r");
    }

    @Test
    void characters_beyond_the_basic_plane_count_once() {
        String text = "\uD83D\uDE00".repeat(2000);
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3", "q15", text));
        assertThat(sheet.valid()).isTrue();
    }

    @Test
    void control_characters_that_the_database_refuses_are_removed() {
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS,
                params("q11", "0", "q13", "3", "q15", "line one\u0000\u0007\nline\ttwo"));
        assertThat(sheet.answers()).last().extracting(Answer::text).isEqualTo("line one\nline\ttwo");
    }

    @Test
    void other_fields_of_the_request_are_ignored() {
        AnswerSheet sheet = AnswerSheet.read(QUESTIONS, params("q11", "0", "q13", "3", "_csrf", "x", "submit", ""));
        assertThat(sheet.valid()).isTrue();
    }
}
