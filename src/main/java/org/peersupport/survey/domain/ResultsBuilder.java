package org.peersupport.survey.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peersupport.survey.CampaignView;
import org.peersupport.survey.Proportion;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;
import org.peersupport.survey.SurveyResults;
import org.peersupport.survey.SurveyResults.FreeText;
import org.peersupport.survey.SurveyResults.Group;
import org.peersupport.survey.SurveyResults.Option;
import org.peersupport.survey.SurveyResults.QuestionResult;
import org.peersupport.survey.SurveyResults.Rate;

/**
 * Turns counts into results a coordinator may see. Suppression is applied twice: to the number of
 * respondents per department, and to the number who answered each question, because an optional
 * or conditional question can be answered by fewer people than responded. A group of fewer than
 * {@value #HOMOGENEITY_BELOW} who all gave the same answer is hidden as well (homogeneity).
 */
public final class ResultsBuilder {

    /** Groups smaller than this that answered a question all alike are hidden too (homogeneity). */
    public static final int HOMOGENEITY_BELOW = 10;

    /** A department of the campaign and how many were invited. */
    public record Department(long id, String name, int invited) {
    }

    /** A sample of a department's free-text answers to one question, and how many there are. */
    public record TextSample(long count, List<String> answers) {
    }

    private final List<QuestionView> questions;

    private final List<Department> departments;

    private final Map<Long, Long> respondents;

    private final int minGroupSize;

    private final int minFreeTextSize;

    private final Suppression.Result<Long> respondentSuppression;

    /**
     * @param respondents responses per department id (departments without any may be missing)
     */
    public ResultsBuilder(List<QuestionView> questions, List<Department> departments, Map<Long, Long> respondents,
            int minGroupSize, int minFreeTextSize) {
        this.questions = questions;
        this.departments = departments.stream().sorted(Comparator.comparing(Department::name)
                .thenComparingLong(Department::id)).toList();
        this.respondents = new LinkedHashMap<>();
        this.departments.forEach(d -> this.respondents.put(d.id(), respondents.getOrDefault(d.id(), 0L)));
        this.minGroupSize = minGroupSize;
        this.minFreeTextSize = Math.max(minFreeTextSize, minGroupSize);
        this.respondentSuppression = Suppression.apply(this.respondents, minGroupSize);
    }

    /** Departments whose free-text answers may be shown: visible, and at least the free-text minimum. */
    public Set<Long> freeTextDepartments() {
        Set<Long> shown = new HashSet<>();
        respondents.forEach((department, count) -> {
            if (!respondentSuppression.hides(department) && count >= minFreeTextSize) {
                shown.add(department);
            }
        });
        return shown;
    }

    /**
     * @param choiceCounts per question id, per department id, per answer value: how many chose it
     * @param freeText per question id, per department id: samples, for {@link #freeTextDepartments()} only
     */
    public SurveyResults build(CampaignView campaign, Map<Long, Map<Long, Map<Integer, Long>>> choiceCounts,
            Map<Long, Map<Long, TextSample>> freeText) {
        List<Rate> rates = new ArrayList<>();
        for (Department department : departments) {
            rates.add(rate(department.name(), department.invited(), respondents.get(department.id()),
                    respondentSuppression.hides(department.id())));
        }
        long allRespondents = respondents.values().stream().mapToLong(Long::longValue).sum();
        int allInvited = departments.stream().mapToInt(Department::invited).sum();
        Rate total = rate(null, allInvited, allRespondents, respondentSuppression.totalHidden());

        Set<Long> textDepartments = freeTextDepartments();
        List<QuestionResult> results = new ArrayList<>();
        for (QuestionView question : questions) {
            if (question.kind().isFreeText()) {
                Map<Long, TextSample> samples = freeText.getOrDefault(question.id(), Map.of());
                List<FreeText> texts = departments.stream().map(d -> textDepartments.contains(d.id())
                        ? new FreeText(d.name(), true, samples.getOrDefault(d.id(), new TextSample(0, List.of())).count(),
                                samples.getOrDefault(d.id(), new TextSample(0, List.of())).answers())
                        : new FreeText(d.name(), false, 0, List.of())).toList();
                results.add(new QuestionResult(question, List.of(), List.of(), texts));
            }
            else {
                results.add(choices(question, choiceCounts.getOrDefault(question.id(), Map.of())));
            }
        }
        return new SurveyResults(campaign, minGroupSize, minFreeTextSize, rates, total, results);
    }

    private QuestionResult choices(QuestionView question, Map<Long, Map<Integer, Long>> byDepartment) {
        List<Integer> values = question.values();
        Map<Long, Long> answered = new LinkedHashMap<>();
        for (Department department : departments) {
            answered.put(department.id(), byDepartment.getOrDefault(department.id(), Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum());
        }
        // A small group that answered as one tells each member's answer: hidden like a group too small,
        // and so taking part in the complementary rule.
        Set<Long> hidden = new HashSet<>(respondentSuppression.hidden());
        for (Department department : departments) {
            if (unanimous(byDepartment.getOrDefault(department.id(), Map.of()), answered.get(department.id()))) {
                hidden.add(department.id());
            }
        }
        Suppression.Result<Long> suppression = Suppression.apply(answered, hidden, minGroupSize);
        List<Group> groups = new ArrayList<>();
        Map<Integer, Long> totals = new LinkedHashMap<>();
        for (Department department : departments) {
            Map<Integer, Long> counts = byDepartment.getOrDefault(department.id(), Map.of());
            counts.forEach((value, count) -> totals.merge(value, count, Long::sum));
            groups.add(group(department.name(), question, values, counts, answered.get(department.id()),
                    suppression.hides(department.id())));
        }
        long allAnswered = answered.values().stream().mapToLong(Long::longValue).sum();
        groups.add(0, group(null, question, values, totals, allAnswered,
                suppression.totalHidden() || respondentSuppression.totalHidden() || unanimous(totals, allAnswered)));
        return new QuestionResult(question, options(question), groups, List.of());
    }

    /**
     * Whether a group smaller than {@link #HOMOGENEITY_BELOW} gave one answer, all of them: then
     * knowing that someone belongs to it tells what they answered.
     */
    static boolean unanimous(Map<Integer, Long> counts, long answered) {
        return answered > 0 && answered < HOMOGENEITY_BELOW && counts.values().stream().anyMatch(c -> c == answered);
    }

    private static Group group(String label, QuestionView question, List<Integer> values, Map<Integer, Long> counts,
            long answered, boolean hidden) {
        if (hidden) {
            return new Group(label, true, 0, List.of(), null);
        }
        List<Proportion> shares = values.stream().map(v -> Proportion.of(counts.getOrDefault(v, 0L), answered))
                .toList();
        Proportion headline = switch (question.kind()) {
            case YES_NO -> Proportion.of(counts.getOrDefault(QuestionKind.YES, 0L), answered);
            case LIKERT -> Proportion.of(counts.getOrDefault(4, 0L) + counts.getOrDefault(5, 0L), answered);
            default -> null;
        };
        return new Group(label, false, answered, shares, headline);
    }

    private static Rate rate(String label, int invited, long responded, boolean hidden) {
        if (hidden) {
            return new Rate(label, invited, true, null, null);
        }
        return new Rate(label, invited, false, responded, invited > 0 ? Proportion.of(responded, invited) : null);
    }

    static List<Option> options(QuestionView question) {
        return switch (question.kind()) {
            case YES_NO -> List.of(new Option(QuestionKind.YES, null, "survey.answer.yes"),
                    new Option(QuestionKind.NO, null, "survey.answer.no"));
            case LIKERT -> question.values().stream().map(v -> new Option(v,
                    v == 1 ? "1 (" + question.lowLabel() + ")"
                            : v == QuestionKind.LIKERT_POINTS ? v + " (" + question.highLabel() + ")"
                            : String.valueOf(v), null)).toList();
            case SINGLE_CHOICE -> question.values().stream()
                    .map(v -> new Option(v, question.choices().get(v - 1), null)).toList();
            case FREE_TEXT -> List.of();
        };
    }

    public static List<Option> optionsOf(QuestionView question) {
        return options(question);
    }
}
