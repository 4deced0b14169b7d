package org.peersupport.survey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Results of a closed campaign for its coordinators, with small groups suppressed. They exist
 * only once the campaign has closed: no answer can be added then, and the suppression thresholds
 * are those frozen with the campaign, so every look at the results shows the same figures and two
 * snapshots around one answer cannot be taken. All counts are read in one snapshot, so the numbers
 * that decide suppression are the numbers shown.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class SurveyResultsService {

    /** At most this many free-text answers per department and question are shown, chosen at random. */
    public static final int FREE_TEXT_SAMPLE = 100;

    private final CampaignRepository campaigns;

    private final CampaignService campaignService;

    private final ResultQueries queries;

    SurveyResultsService(CampaignRepository campaigns, CampaignService campaignService, ResultQueries queries) {
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.queries = queries;
    }

    /** Whether the campaign's results exist yet; a campaign outside the scope does not exist. */
    public boolean published(UUID campaignId, HospitalScope scope) {
        return scoped(campaignId, scope).getState() == CampaignState.CLOSED;
    }

    /** The frozen results of a closed campaign; an open one has none (not found). */
    public SurveyResults results(UUID campaignId, HospitalScope scope) {
        Campaign campaign = scoped(campaignId, scope);
        if (campaign.getState() != CampaignState.CLOSED) {
            throw new NotFoundException();
        }
        Map<Long, Long> respondents = queries.respondents(campaignId);
        CampaignView view = campaignService.view(campaign,
                respondents.values().stream().mapToLong(Long::longValue).sum());
        List<Department> departments = view.departments().stream()
                .map(d -> new Department(d.id(), d.name(), d.invited())).toList();
        List<QuestionView> questions = campaign.getTemplate().view().questions();
        ResultsBuilder builder = new ResultsBuilder(questions, departments, respondents,
                campaign.getMinGroupSize().orElseThrow(), campaign.getMinFreeTextSize().orElseThrow());
        List<Long> freeTextQuestions = questions.stream().filter(q -> q.kind().isFreeText()).map(QuestionView::id)
                .toList();
        Map<Long, Map<Long, ResultsBuilder.TextSample>> freeText = queries.freeText(campaignId,
                builder.freeTextDepartments(), freeTextQuestions, FREE_TEXT_SAMPLE);
        return builder.build(view, queries.choiceCounts(campaignId), freeText);
    }

    private Campaign scoped(UUID campaignId, HospitalScope scope) {
        return campaigns.findWithTemplate(campaignId).filter(c -> scope.includes(c.getHospitalId()))
                .orElseThrow(NotFoundException::new);
    }
}
