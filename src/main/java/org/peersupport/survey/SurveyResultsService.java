package org.peersupport.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.survey.domain.Campaign;
import org.peersupport.survey.domain.CampaignRepository;
import org.peersupport.survey.domain.ResultQueries;
import org.peersupport.survey.domain.ResultsBuilder.Department;
import org.peersupport.survey.domain.ResultsBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of a campaign for its coordinators, with small groups suppressed. All counts are read in
 * one snapshot, so the numbers that decide suppression are the numbers shown.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class SurveyResultsService {

    /** At most this many free-text answers per department and question are shown, chosen at random. */
    public static final int FREE_TEXT_SAMPLE = 100;

    private final CampaignRepository campaigns;

    private final CampaignService campaignService;

    private final ResultQueries queries;

    private final OrganizationService organization;

    SurveyResultsService(CampaignRepository campaigns, CampaignService campaignService, ResultQueries queries,
            OrganizationService organization) {
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.queries = queries;
        this.organization = organization;
    }

    public SurveyResults results(UUID campaignId, HospitalScope scope) {
        Campaign campaign = campaigns.findWithTemplate(campaignId).filter(c -> scope.includes(c.getHospitalId()))
                .orElseThrow(NotFoundException::new);
        Map<Long, Long> respondents = queries.respondents(campaignId);
        CampaignView view = campaignService.view(campaign,
                respondents.values().stream().mapToLong(Long::longValue).sum());
        ProgramSettingsView settings = organization.settings();
        List<Department> departments = view.departments().stream()
                .map(d -> new Department(d.id(), d.name(), d.invited())).toList();
        List<QuestionView> questions = campaign.getTemplate().view().questions();
        ResultsBuilder builder = new ResultsBuilder(questions, departments, respondents,
                settings.surveyMinGroupSize(), settings.surveyMinFreeTextSize());
        List<Long> freeTextQuestions = questions.stream().filter(q -> q.kind().isFreeText()).map(QuestionView::id)
                .toList();
        Map<Long, Map<Long, ResultsBuilder.TextSample>> freeText = queries.freeText(campaignId,
                builder.freeTextDepartments(), freeTextQuestions, FREE_TEXT_SAMPLE);
        return builder.build(view, queries.choiceCounts(campaignId), freeText);
    }
}
