package org.peersupport.survey.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peersupport.survey.CampaignState;
import org.peersupport.survey.CampaignStatus;
import org.peersupport.survey.CampaignView;
import org.peersupport.survey.MailProgress;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;
import org.peersupport.survey.SurveyResults;
import org.peersupport.survey.SurveyResults.Group;
import org.peersupport.survey.domain.ResultsBuilder.Department;
import org.peersupport.survey.domain.ResultsBuilder.TextSample;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsBuilderTest {

    static final QuestionView HAD = new QuestionView(1, 1, QuestionKind.YES_NO, "Had an interaction?", true, null,
            null, List.of(), null, null);

    static final QuestionView WELLBEING = new QuestionView(2, 2, QuestionKind.LIKERT, "Well-being improved", false,
            "Strongly disagree", "Strongly agree", List.of(), 1L, 1);

    static final QuestionView COMMENTS = new QuestionView(3, 3, QuestionKind.FREE_TEXT, "Anything else?", false,
            null, null, List.of(), null, null);

    static final List<QuestionView> QUESTIONS = List.of(HAD, WELLBEING, COMMENTS);

    static final Department CARDIOLOGY = new Department(10, "Cardiology", 20);

    static final Department EMERGENCY = new Department(20, "Emergency", 40);

    static final Department SURGERY = new Department(30, "Surgery", 30);

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static final CampaignView CAMPAIGN = new CampaignView(UUID.randomUUID(), "Evaluation", 1, "Northbay",
            ZoneId.of("UTC"), 1, "Program evaluation (v1)", TODAY, TODAY.plusDays(7),
            CampaignState.OPEN, CampaignStatus.OPEN, TODAY, List.of(), 0, null, new MailProgress(0, 0, 0),
            null, 5);

    @Test
    void response_rates_hide_small_departments_and_the_next_smallest() {
        ResultsBuilder builder = new ResultsBuilder(QUESTIONS, List.of(CARDIOLOGY, EMERGENCY, SURGERY),
                Map.of(10L, 3L, 20L, 25L, 30L, 12L), 5, 10);
        SurveyResults results = builder.build(CAMPAIGN, Map.of(), Map.of());

        assertThat(results.rates()).extracting(SurveyResults.Rate::label)
                .containsExactly("Cardiology", "Emergency", "Surgery");
        assertThat(results.rates().get(0).suppressed()).isTrue();
        assertThat(results.rates().get(0).responded()).isNull();
        assertThat(results.rates().get(2).suppressed()).as("the next smallest, so Cardiology's 3 stays unknown")
                .isTrue();
        assertThat(results.rates().get(1).suppressed()).isFalse();
        assertThat(results.rates().get(1).responded()).isEqualTo(25);
        assertThat(results.rates().get(1).rate().percent()).isEqualTo(63);
        assertThat(results.total().suppressed()).isFalse();
        assertThat(results.total().responded()).isEqualTo(40);
        assertThat(results.total().invited()).isEqualTo(90);
    }

    @Test
    void a_question_answered_by_too_few_is_hidden_even_where_the_department_is_shown() {
        // Emergency: 25 responded, but only 4 had an interaction and answered the conditional question.
        Map<Long, Map<Long, Map<Integer, Long>>> counts = new HashMap<>();
        counts.put(1L, Map.of(20L, Map.of(1, 4L, 0, 21L), 30L, Map.of(1, 9L, 0, 3L)));
        counts.put(2L, Map.of(20L, Map.of(4, 3L, 5, 1L), 30L, Map.of(2, 1L, 4, 5L, 5, 3L)));
        ResultsBuilder builder = new ResultsBuilder(QUESTIONS, List.of(EMERGENCY, SURGERY),
                Map.of(20L, 25L, 30L, 12L), 5, 10);
        SurveyResults results = builder.build(CAMPAIGN, counts, Map.of());

        List<Group> had = results.questions().get(0).groups();
        assertThat(had).extracting(Group::label).containsExactly(null, "Emergency", "Surgery");
        assertThat(had).noneMatch(Group::suppressed);
        assertThat(had.get(0).answered()).isEqualTo(37);
        assertThat(had.get(0).headline().count()).isEqualTo(13);
        assertThat(had.get(1).shares()).extracting(p -> p.count()).containsExactly(4L, 21L);

        List<Group> wellbeing = results.questions().get(1).groups();
        assertThat(wellbeing.get(1).suppressed()).as("4 answers in Emergency").isTrue();
        assertThat(wellbeing.get(2).suppressed()).as("Surgery, else Emergency = total - Surgery").isTrue();
        assertThat(wellbeing.get(0).suppressed()).as("13 answers in all").isFalse();
        assertThat(wellbeing.get(0).answered()).isEqualTo(13);
        assertThat(wellbeing.get(0).headline().count()).as("agree: 4 or 5").isEqualTo(12);
        assertThat(wellbeing.get(1).shares()).isEmpty();
        assertThat(wellbeing.get(1).headline()).isNull();
    }

    @Test
    void a_small_group_that_answered_all_alike_is_hidden_with_the_next_smallest() {
        // Emergency: 6 answered the first question, all yes; Surgery: 12, mixed; Cardiology: 9, mixed.
        Map<Long, Map<Long, Map<Integer, Long>>> counts = new HashMap<>();
        counts.put(1L, Map.of(10L, Map.of(1, 5L, 0, 4L), 20L, Map.of(1, 6L), 30L, Map.of(1, 7L, 0, 5L)));
        ResultsBuilder builder = new ResultsBuilder(QUESTIONS, List.of(CARDIOLOGY, EMERGENCY, SURGERY),
                Map.of(10L, 9L, 20L, 6L, 30L, 12L), 5, 10);
        List<Group> had = builder.build(CAMPAIGN, counts, Map.of()).questions().get(0).groups();

        assertThat(had).extracting(Group::label).containsExactly(null, "Cardiology", "Emergency", "Surgery");
        assertThat(had.get(2).suppressed()).as("6 of 6 said yes").isTrue();
        assertThat(had.get(1).suppressed()).as("the next smallest, else Emergency = total - the others").isTrue();
        assertThat(had.get(3).suppressed()).isFalse();
        assertThat(had.get(0).suppressed()).isFalse();
        assertThat(had.get(0).answered()).isEqualTo(27);

        // Ten or more alike is a figure like any other; so is a small group that did not answer alike.
        assertThat(ResultsBuilder.unanimous(Map.of(1, 10L), 10)).isFalse();
        assertThat(ResultsBuilder.unanimous(Map.of(1, 9L), 9)).isTrue();
        assertThat(ResultsBuilder.unanimous(Map.of(1, 8L, 0, 1L), 9)).isFalse();
        assertThat(ResultsBuilder.unanimous(Map.of(), 0)).isFalse();
    }

    @Test
    void free_text_is_shown_only_for_departments_with_at_least_the_free_text_minimum() {
        Department small = new Department(40, "Anesthesiology", 12);
        ResultsBuilder builder = new ResultsBuilder(QUESTIONS, List.of(EMERGENCY, SURGERY, small),
                Map.of(20L, 10L, 30L, 9L, 40L, 7L), 5, 10);
        assertThat(builder.freeTextDepartments()).containsExactly(20L);

        Map<Long, Map<Long, TextSample>> samples = Map.of(3L, Map.of(20L, new TextSample(2, List.of("b", "a"))));
        SurveyResults results = builder.build(CAMPAIGN, Map.of(), samples);
        var freeText = results.questions().get(2).freeText();
        assertThat(freeText).extracting(SurveyResults.FreeText::department)
                .containsExactly("Anesthesiology", "Emergency", "Surgery");
        assertThat(freeText.get(0).shown()).as("7 responses: counts shown, free text not").isFalse();
        assertThat(results.rates().get(0).suppressed()).isFalse();
        assertThat(freeText.get(1).shown()).isTrue();
        assertThat(freeText.get(1).answers()).containsExactly("b", "a");
        assertThat(freeText.get(2).shown()).as("9 responses").isFalse();
    }

    @Test
    void free_text_of_a_department_hidden_by_complementary_suppression_is_hidden_too() {
        ResultsBuilder builder = new ResultsBuilder(QUESTIONS, List.of(CARDIOLOGY, EMERGENCY, SURGERY),
                Map.of(10L, 2L, 20L, 30L, 30L, 14L), 5, 10);
        assertThat(builder.freeTextDepartments()).containsExactly(20L);
    }

    @Test
    void the_free_text_minimum_is_never_below_the_group_minimum() {
        ResultsBuilder builder = new ResultsBuilder(QUESTIONS, List.of(EMERGENCY), Map.of(20L, 6L), 8, 3);
        assertThat(builder.freeTextDepartments()).isEmpty();
        assertThat(builder.build(CAMPAIGN, Map.of(), Map.of()).total().suppressed()).isTrue();
    }

    @Test
    void with_fewer_than_the_minimum_in_all_nothing_is_shown() {
        Map<Long, Map<Long, Map<Integer, Long>>> counts = Map.of(1L, Map.of(20L, Map.of(1, 3L, 0, 1L)));
        SurveyResults results = new ResultsBuilder(QUESTIONS, List.of(EMERGENCY), Map.of(20L, 4L), 5, 10)
                .build(CAMPAIGN, counts, Map.of());
        assertThat(results.total().suppressed()).isTrue();
        assertThat(results.rates()).allMatch(SurveyResults.Rate::suppressed);
        assertThat(results.questions().get(0).groups()).allMatch(Group::suppressed)
                .allSatisfy(g -> assertThat(g.shares()).isEmpty());
    }

    @Test
    void likert_options_are_labelled_at_both_ends() {
        assertThat(ResultsBuilder.options(WELLBEING)).extracting(SurveyResults.Option::label)
                .containsExactly("1 (Strongly disagree)", "2", "3", "4", "5 (Strongly agree)");
        assertThat(ResultsBuilder.options(HAD)).extracting(SurveyResults.Option::messageKey)
                .containsExactly("survey.answer.yes", "survey.answer.no");
    }
}
