package org.peersupport.survey.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.survey.QuestionDraft;
import org.peersupport.survey.QuestionKind;
import org.peersupport.survey.QuestionView;
import org.peersupport.survey.TemplateView;

/**
 * One version of a survey template: ordered questions. While it is a draft it can change; once a
 * campaign uses it, it is frozen, so every response of that campaign answered exactly these
 * questions. Editing a frozen template starts a new version of it.
 */
@Entity
@Table(name = "survey_template")
public class SurveyTemplate {

    public static final int MAX_QUESTIONS = 50;

    public static final int MAX_CHOICES = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID family;

    private int revision;

    private String name;

    private boolean frozen;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SurveyQuestion> questions = new ArrayList<>();

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    // Set by every change, so that every change (questions included) raises the version and a
    // concurrent edit, or a campaign freezing the template meanwhile, is caught.
    @Column(insertable = false)
    private Instant changedAt;

    protected SurveyTemplate() {
    }

    public SurveyTemplate(String name) {
        this.family = UUID.randomUUID();
        this.revision = 1;
        this.name = name.strip();
    }

    /** A draft copy of this version, numbered after the family's latest. */
    public SurveyTemplate nextVersion(int latestRevision) {
        SurveyTemplate next = new SurveyTemplate();
        next.family = family;
        next.revision = latestRevision + 1;
        next.name = name;
        Map<SurveyQuestion, SurveyQuestion> copies = new HashMap<>();
        for (SurveyQuestion question : questions) {
            SurveyQuestion copy = question.copyInto(next, copies.get(question.getShownIfYesTo()));
            copies.put(question, copy);
            next.questions.add(copy);
        }
        return next;
    }

    public void rename(String newName, Instant now) {
        requireDraft();
        this.name = newName.strip();
        touch(now);
    }

    public SurveyQuestion add(QuestionDraft draft, Instant now) {
        requireDraft();
        if (questions.size() >= MAX_QUESTIONS) {
            throw new RuleViolationException(null, "template.error.tooManyQuestions", MAX_QUESTIONS);
        }
        SurveyQuestion question = new SurveyQuestion(this, questions.size() + 1);
        question.apply(check(draft, questions.size()), gate(draft, questions.size()));
        questions.add(question);
        touch(now);
        return question;
    }

    public void change(long questionId, QuestionDraft draft, Instant now) {
        requireDraft();
        SurveyQuestion question = question(questionId);
        int index = questions.indexOf(question);
        check(draft, index);
        if (draft.kind() != QuestionKind.YES_NO && questions.stream().anyMatch(q -> q.getShownIfYesTo() == question)) {
            throw new RuleViolationException("kind", "template.error.gateMustStayYesNo");
        }
        question.apply(draft, gate(draft, index));
        touch(now);
    }

    /** Removes a question; questions asked only after a yes to it are then asked of everyone. */
    public void remove(long questionId, Instant now) {
        requireDraft();
        SurveyQuestion question = question(questionId);
        questions.stream().filter(q -> q.getShownIfYesTo() == question).forEach(SurveyQuestion::clearCondition);
        questions.remove(question);
        renumber();
        touch(now);
    }

    /** Moves a question one place up (-1) or down (+1), never before the question it depends on. */
    public void move(long questionId, int direction, Instant now) {
        requireDraft();
        SurveyQuestion question = question(questionId);
        int from = questions.indexOf(question);
        int to = from + Integer.signum(direction);
        if (to < 0 || to >= questions.size()) {
            return;
        }
        SurveyQuestion other = questions.get(to);
        SurveyQuestion earlier = to < from ? other : question;
        SurveyQuestion later = to < from ? question : other;
        if (later.getShownIfYesTo() == earlier) {
            throw new RuleViolationException(null, "template.error.moveAboveCondition");
        }
        questions.set(from, other);
        questions.set(to, question);
        renumber();
        touch(now);
    }

    /** Called when a campaign takes this version: from now on it never changes. */
    public void freeze(Instant now) {
        if (!frozen) {
            frozen = true;
            touch(now);
        }
    }

    public boolean isUsable() {
        return !questions.isEmpty();
    }

    public TemplateView view() {
        List<QuestionView> views = new ArrayList<>();
        for (SurveyQuestion q : questions) {
            SurveyQuestion gate = q.getShownIfYesTo();
            views.add(new QuestionView(q.getId(), q.getPosition(), q.getKind(), q.getText(), q.isRequired(),
                    q.getLowLabel(), q.getHighLabel(), q.choiceList(), gate == null ? null : gate.getId(),
                    gate == null ? null : gate.getPosition()));
        }
        views.sort(Comparator.comparingInt(QuestionView::number));
        return new TemplateView(id, name, revision, frozen, version, List.copyOf(views));
    }

    private void requireDraft() {
        if (frozen) {
            throw new RuleViolationException(null, "template.error.frozen");
        }
    }

    private SurveyQuestion question(long questionId) {
        return questions.stream().filter(q -> q.getId() != null && q.getId() == questionId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** The rules a question must meet; {@code index} is where it sits (or will sit) in the list. */
    private QuestionDraft check(QuestionDraft draft, int index) {
        if (draft.kind() == QuestionKind.LIKERT) {
            if (blank(draft.lowLabel())) {
                throw new RuleViolationException("lowLabel", "template.error.likertLabels");
            }
            if (blank(draft.highLabel())) {
                throw new RuleViolationException("highLabel", "template.error.likertLabels");
            }
        }
        if (draft.kind() == QuestionKind.SINGLE_CHOICE) {
            List<String> choices = draft.choices().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
            Set<String> distinct = new HashSet<>();
            choices.forEach(c -> distinct.add(c.toLowerCase(java.util.Locale.ROOT)));
            if (choices.size() < 2 || choices.size() > MAX_CHOICES) {
                throw new RuleViolationException("choices", "template.error.choiceCount", MAX_CHOICES);
            }
            if (distinct.size() != choices.size()) {
                throw new RuleViolationException("choices", "template.error.choiceTwice");
            }
            if (choices.stream().anyMatch(c -> c.length() > 120)) {
                throw new RuleViolationException("choices", "template.error.choiceTooLong", 120);
            }
            draft = new QuestionDraft(draft.kind(), draft.text(), draft.required(), null, null, choices,
                    draft.shownIfYesTo());
        }
        gate(draft, index);
        return draft;
    }

    private SurveyQuestion gate(QuestionDraft draft, int index) {
        if (draft.shownIfYesTo() == null) {
            return null;
        }
        for (int i = 0; i < Math.min(index, questions.size()); i++) {
            SurveyQuestion candidate = questions.get(i);
            if (candidate.getId() != null && candidate.getId().equals(draft.shownIfYesTo())
                    && candidate.getKind() == QuestionKind.YES_NO) {
                return candidate;
            }
        }
        throw new RuleViolationException("shownIfYesTo", "template.error.condition");
    }

    private void renumber() {
        for (int i = 0; i < questions.size(); i++) {
            questions.get(i).setPosition(i + 1);
        }
    }

    private void touch(Instant now) {
        changedAt = now;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public Long getId() {
        return id;
    }

    public UUID getFamily() {
        return family;
    }

    public int getRevision() {
        return revision;
    }

    public String getName() {
        return name;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public long getVersion() {
        return version;
    }

    public List<SurveyQuestion> getQuestions() {
        return List.copyOf(questions);
    }
}
