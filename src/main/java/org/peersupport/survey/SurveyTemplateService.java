package org.peersupport.survey;

import java.time.Clock;
import java.util.List;

import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.StaleEdit;
import org.peersupport.survey.domain.SurveyTemplate;
import org.peersupport.survey.domain.SurveyTemplateRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey templates, shared by the whole program. A version in use is frozen; "editing" it makes
 * the next version, a draft copy, which the editor changes instead.
 */
@Service
@Transactional(readOnly = true)
public class SurveyTemplateService {

    private final SurveyTemplateRepository templates;

    private final Clock clock;

    SurveyTemplateService(SurveyTemplateRepository templates, Clock clock) {
        this.clock = clock;
        this.templates = templates;
    }

    public Page<TemplateSummary> templates(Pageable pageable) {
        return templates.summaries(pageable);
    }

    /** The versions a new campaign can use. */
    public List<TemplateSummary> usable() {
        return templates.usable();
    }

    public TemplateView template(long id) {
        return load(id).view();
    }

    @Transactional
    public long create(String name) {
        return templates.save(new SurveyTemplate(name)).getId();
    }

    /** The draft to edit instead of this version: the family's newest draft, or a new copy of this one. */
    @Transactional
    public long newVersion(long id) {
        SurveyTemplate template = load(id);
        if (!template.isFrozen()) {
            return id;
        }
        int latest = templates.latestRevision(template.getFamily());
        return templates.save(template.nextVersion(latest)).getId();
    }

    @Transactional
    public void rename(long id, String name, long expectedVersion) {
        edit(id, expectedVersion).rename(name, clock.instant());
    }

    @Transactional
    public long addQuestion(long id, QuestionDraft draft, long expectedVersion) {
        SurveyTemplate template = edit(id, expectedVersion);
        template.add(draft, clock.instant());
        templates.flush();
        return template.getQuestions().get(template.getQuestions().size() - 1).getId();
    }

    @Transactional
    public void changeQuestion(long id, long questionId, QuestionDraft draft, long expectedVersion) {
        edit(id, expectedVersion).change(questionId, draft, clock.instant());
    }

    @Transactional
    public void removeQuestion(long id, long questionId, long expectedVersion) {
        edit(id, expectedVersion).remove(questionId, clock.instant());
    }

    @Transactional
    public void moveQuestion(long id, long questionId, int direction, long expectedVersion) {
        edit(id, expectedVersion).move(questionId, direction, clock.instant());
    }

    private SurveyTemplate edit(long id, long expectedVersion) {
        SurveyTemplate template = load(id);
        StaleEdit.check(template.getVersion(), expectedVersion, SurveyTemplate.class, id);
        return template;
    }

    private SurveyTemplate load(long id) {
        return templates.findWithQuestions(id).orElseThrow(NotFoundException::new);
    }
}
