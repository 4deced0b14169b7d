package org.peersupport.survey;

import java.util.List;

/** A template version with its questions. A frozen one is used by a campaign and never changes. */
public record TemplateView(long id, String name, int revision, boolean frozen, long version,
        List<QuestionView> questions) {

    public String label() {
        return name + " (v" + revision + ")";
    }

    public QuestionView question(long questionId) {
        return questions.stream().filter(q -> q.id() == questionId).findFirst()
                .orElseThrow(org.peersupport.shared.NotFoundException::new);
    }
}
