package org.peersupport.survey;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.peersupport.shared.HospitalCalendar;
import org.peersupport.survey.domain.AnswerSheet;
import org.peersupport.survey.domain.Campaign;
import org.peersupport.survey.domain.CampaignRepository;
import org.peersupport.survey.domain.InvitationStore;
import org.peersupport.survey.domain.InvitationStore.Invitation;
import org.peersupport.survey.domain.ResponseStore;
import org.peersupport.survey.domain.Token;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answering through a one-time link, with no sign-in. The link is looked up by the hash of its
 * token; the response is stored with its campaign, department and day only.
 */
@Service
public class SurveyAnswering {

    private final InvitationStore invitations;

    private final ResponseStore responses;

    private final CampaignRepository campaigns;

    private final TransactionTemplate transactions;

    private final TransactionTemplate readOnly;

    private final HospitalCalendar calendar;

    SurveyAnswering(InvitationStore invitations, ResponseStore responses, CampaignRepository campaigns,
            PlatformTransactionManager transactionManager, HospitalCalendar calendar) {
        this.invitations = invitations;
        this.responses = responses;
        this.campaigns = campaigns;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.calendar = calendar;
    }

    /** The form behind a link, or nothing when the link cannot be used now, for whatever reason. */
    public Optional<SurveyForm> form(String token) {
        return readOnly.execute(status -> openCampaign(token).map(open -> open.form));
    }

    public Submission submit(String token, Map<String, String[]> parameters) {
        Optional<Open> found = readOnly.execute(status -> openCampaign(token));
        if (found.isEmpty()) {
            return new Submission.Unavailable();
        }
        Open open = found.get();
        AnswerSheet sheet = AnswerSheet.read(open.form.questions(), parameters);
        if (!sheet.valid()) {
            return new Submission.Invalid(open.form, sheet);
        }
        byte[] hash = Token.hashOf(token).orElseThrow();
        Boolean saved = transactions.execute(status -> {
            Optional<Invitation> claimed = invitations.claim(hash);
            if (claimed.isEmpty()) {
                return false;
            }
            // The department comes from the invitation; the day is the hospital's, and no time is kept.
            // The answer is held and later published in a shuffled batch (V33).
            responses.hold(claimed.get().campaignId(), claimed.get().departmentId(), open.today, sheet.answers());
            return true;
        });
        return Boolean.TRUE.equals(saved) ? new Submission.Saved() : new Submission.Unavailable();
    }

    private record Open(SurveyForm form, LocalDate today) {
    }

    private Optional<Open> openCampaign(String token) {
        Optional<Invitation> invitation = Token.hashOf(token).flatMap(invitations::find).filter(i -> !i.used());
        if (invitation.isEmpty()) {
            return Optional.empty();
        }
        Optional<Campaign> campaign = campaigns.findWithTemplate(invitation.get().campaignId());
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = calendar.today(campaign.get().getHospitalId());
        if (!campaign.get().acceptsAnswers(today)) {
            return Optional.empty();
        }
        TemplateView template = campaign.get().getTemplate().view();
        return Optional.of(new Open(new SurveyForm(campaign.get().getTitle(), campaign.get().getClosesOn(),
                template.questions()), today));
    }
}
