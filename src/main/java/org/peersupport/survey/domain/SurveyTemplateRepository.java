package org.peersupport.survey.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.peersupport.survey.TemplateSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SurveyTemplateRepository extends JpaRepository<SurveyTemplate, Long> {

    @Query(value = "select new org.peersupport.survey.TemplateSummary(t.id, t.name, t.revision, t.frozen, "
            + "(select count(q) from SurveyQuestion q where q.template = t), t.changedAt) "
            + "from SurveyTemplate t order by lower(t.name), t.family, t.revision desc",
            countQuery = "select count(t) from SurveyTemplate t")
    Page<TemplateSummary> summaries(Pageable pageable);

    /** Versions a campaign can use: those with at least one question, newest first within a family. */
    @Query("select new org.peersupport.survey.TemplateSummary(t.id, t.name, t.revision, t.frozen, "
            + "(select count(q) from SurveyQuestion q where q.template = t), t.changedAt) "
            + "from SurveyTemplate t where exists (select 1 from SurveyQuestion q where q.template = t) "
            + "order by lower(t.name), t.family, t.revision desc")
    List<TemplateSummary> usable();

    @Query("select distinct t from SurveyTemplate t left join fetch t.questions where t.id = ?1")
    Optional<SurveyTemplate> findWithQuestions(long id);

    @Query("select max(t.revision) from SurveyTemplate t where t.family = ?1")
    int latestRevision(UUID family);
}
