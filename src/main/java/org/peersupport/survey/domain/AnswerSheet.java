package org.peersupport.survey.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;

/**
 * Reads a submitted answering form against its template. Everything the person typed is kept, so
 * a page with problems comes back with their answers in place, and a message next to each one.
 */
public final class AnswerSheet {

    public static final int MAX_TEXT = 2_000;

    /** A problem, as a message key and its arguments. */
    public record Problem(String messageKey, List<Object> arguments) {

        public Object[] args() {
            return arguments.toArray();
        }
    }

    private final Map<String, String> values = new HashMap<>();

    private final Map<String, Problem> problems = new LinkedHashMap<>();

    private final List<Problem> formProblems = new ArrayList<>();

    private final List<Answer> answers = new ArrayList<>();

    private AnswerSheet() {
    }

    public static AnswerSheet empty() {
        return new AnswerSheet();
    }

    public static AnswerSheet read(List<QuestionView> questions, Map<String, String[]> parameters) {
        AnswerSheet sheet = new AnswerSheet();
        Set<String> fields = questions.stream().map(QuestionView::field).collect(Collectors.toSet());
        if (parameters.keySet().stream().anyMatch(name -> name.startsWith("q") && !fields.contains(name))) {
            sheet.formProblems.add(new Problem("survey.answer.error.unknownQuestion", List.of()));
        }
        Map<Long, Integer> choices = new HashMap<>();
        for (QuestionView question : questions) {
            sheet.read(question, parameters.get(question.field()), choices);
        }
        return sheet;
    }

    private void read(QuestionView question, String[] submitted, Map<Long, Integer> choices) {
        String field = question.field();
        if (submitted != null && submitted.length > 1) {
            problems.put(field, new Problem("survey.answer.error.oneAnswer", List.of()));
            return;
        }
        String value = submitted == null ? null : clean(submitted[0], question.kind());
        if (value != null) {
            values.put(field, value);
        }
        if (question.conditional()) {
            Integer gate = choices.get(question.shownIfYesTo());
            boolean gateAnswered = values.containsKey("q" + question.shownIfYesTo());
            if (gate == null && gateAnswered) {
                // The question it depends on has its own problem; this one waits for that.
                return;
            }
            if (gate == null || gate != QuestionKind.YES) {
                if (value != null) {
                    problems.put(field, new Problem("survey.answer.error.notAsked",
                            List.of(question.shownIfYesToNumber())));
                }
                return;
            }
        }
        if (value == null) {
            if (question.required()) {
                problems.put(field, new Problem("survey.answer.error.required", List.of()));
            }
            return;
        }
        if (question.kind().isFreeText()) {
            int length = value.codePointCount(0, value.length());
            if (length > MAX_TEXT) {
                problems.put(field, new Problem("survey.answer.error.tooLong", List.of(MAX_TEXT, length)));
                return;
            }
            answers.add(Answer.text(question.id(), value));
            return;
        }
        Integer choice = value.length() <= 3 && value.chars().allMatch(Character::isDigit) ? Integer.valueOf(value)
                : null;
        if (choice == null || !question.values().contains(choice)) {
            problems.put(field, new Problem("survey.answer.error.notAChoice", List.of()));
            return;
        }
        choices.put(question.id(), choice);
        answers.add(Answer.choice(question.id(), choice));
    }

    /**
     * Line breaks as one character, as the browser counted them; no control characters (PostgreSQL
     * refuses NUL in text); no surrounding blanks. Blank means not answered.
     */
    static String clean(String raw, QuestionKind kind) {
        if (raw == null) {
            return null;
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        if (kind.isFreeText()) {
            StringBuilder kept = new StringBuilder(text.length());
            text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                    .forEach(kept::appendCodePoint);
            text = kept.toString();
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    public boolean valid() {
        return problems.isEmpty() && formProblems.isEmpty();
    }

    /** The value as submitted, for the page to show again. */
    public String value(String field) {
        return values.get(field);
    }

    public boolean isChosen(String field, int value) {
        return String.valueOf(value).equals(values.get(field));
    }

    public Problem problem(String field) {
        return problems.get(field);
    }

    public Map<String, Problem> problems() {
        return java.util.Collections.unmodifiableMap(problems);
    }

    public List<Problem> formProblems() {
        return List.copyOf(formProblems);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }
}
