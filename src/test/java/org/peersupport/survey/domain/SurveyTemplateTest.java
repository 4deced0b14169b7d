package org.peersupport.survey.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyTemplateTest {

    static final Instant NOW = Instant.parse("2026-12-02T02:30:00Z");

    static QuestionDraft yesNo(String text) {
        return new QuestionDraft(QuestionKind.YES_NO, text, true, null, null, List.of(), null);
    }

    static QuestionDraft likert(String text, Long gate) {
        return new QuestionDraft(QuestionKind.LIKERT, text, false, "Disagree", "Agree", List.of(), gate);
    }

    /** A template whose questions have ids, as if saved. */
    static SurveyTemplate template() {
        SurveyTemplate template = new SurveyTemplate("Evaluation");
        ReflectionTestUtils.setField(template, "id", 7L);
        ReflectionTestUtils.setField(template.add(yesNo("Had one?"), NOW), "id", 1L);
        ReflectionTestUtils.setField(template.add(likert("Helped?", 1L), NOW), "id", 2L);
        ReflectionTestUtils.setField(template.add(likert("Culture?", null), NOW), "id", 3L);
        return template;
    }

    @Test
    void questions_are_numbered_in_order_and_conditions_point_back() {
        List<QuestionView> questions = template().view().questions();
        assertThat(questions).extracting(QuestionView::number).containsExactly(1, 2, 3);
        assertThat(questions.get(1).shownIfYesTo()).isEqualTo(1L);
        assertThat(questions.get(1).shownIfYesToNumber()).isEqualTo(1);
    }

    @Test
    void a_frozen_template_refuses_every_change() {
        SurveyTemplate template = template();
        template.freeze(NOW);
        assertThatThrownBy(() -> template.add(yesNo("More?"), NOW)).isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("template.error.frozen");
        assertThatThrownBy(() -> template.rename("Other", NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> template.change(3L, yesNo("Changed"), NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> template.remove(3L, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> template.move(3L, -1, NOW)).isInstanceOf(RuleViolationException.class);
        assertThat(template.view().questions()).hasSize(3);
    }

    @Test
    void the_next_version_is_a_draft_copy_with_its_own_conditions() {
        SurveyTemplate used = template();
        used.freeze(NOW);
        SurveyTemplate next = used.nextVersion(1);
        assertThat(next.isFrozen()).isFalse();
        assertThat(next.getRevision()).isEqualTo(2);
        assertThat(next.getFamily()).isEqualTo(used.getFamily());
        assertThat(next.getQuestions()).hasSize(3);
        assertThat(next.getQuestions().get(1).getShownIfYesTo()).isSameAs(next.getQuestions().get(0));
        next.add(yesNo("New question"), NOW);
        assertThat(used.getQuestions()).hasSize(3);
    }

    @Test
    void a_condition_must_name_an_earlier_yes_no_question() {
        SurveyTemplate template = template();
        assertThatThrownBy(() -> template.add(likert("On a scale?", 3L), NOW))
                .isInstanceOf(RuleViolationException.class).extracting("field").isEqualTo("shownIfYesTo");
        assertThatThrownBy(() -> template.change(1L, likert("Gate", 2L), NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void a_question_cannot_move_above_the_one_it_depends_on() {
        SurveyTemplate template = template();
        assertThatThrownBy(() -> template.move(2L, -1, NOW)).isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("template.error.moveAboveCondition");
        template.move(3L, -1, NOW);
        assertThat(template.view().questions()).extracting(QuestionView::text)
                .containsExactly("Had one?", "Culture?", "Helped?");
    }

    @Test
    void removing_a_gate_asks_its_questions_of_everyone() {
        SurveyTemplate template = template();
        template.remove(1L, NOW);
        assertThat(template.view().questions()).extracting(QuestionView::number).containsExactly(1, 2);
        assertThat(template.view().questions()).noneMatch(QuestionView::conditional);
    }

    @Test
    void likert_needs_both_labels_and_single_choice_two_distinct_choices() {
        SurveyTemplate template = template();
        assertThatThrownBy(() -> template.add(new QuestionDraft(QuestionKind.LIKERT, "Scale", false, "Low", " ",
                List.of(), null), NOW)).extracting("field").isEqualTo("highLabel");
        assertThatThrownBy(() -> template.add(new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Pick", false, null, null,
                List.of("One"), null), NOW)).extracting("messageKey").isEqualTo("template.error.choiceCount");
        assertThatThrownBy(() -> template.add(new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Pick", false, null, null,
                List.of("One", "one"), null), NOW)).extracting("messageKey").isEqualTo("template.error.choiceTwice");
        ReflectionTestUtils.setField(template.add(new QuestionDraft(QuestionKind.SINGLE_CHOICE, "Pick", false, null,
                null, List.of(" One ", "Two", ""), null), NOW), "id", 4L);
        assertThat(template.view().questions().get(3).choices()).containsExactly("One", "Two");
    }
}
