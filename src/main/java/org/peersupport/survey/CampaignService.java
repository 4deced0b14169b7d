package org.peersupport.survey;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.peersupport.shared.HospitalCalendar;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.HospitalSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.organization.RosterMember;
import org.peersupport.organization.RosterService;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.survey.CampaignView.DepartmentLine;
import org.peersupport.survey.domain.Campaign;
import org.peersupport.survey.domain.CampaignLocks;
import org.peersupport.survey.domain.CampaignRepository;
import org.peersupport.survey.domain.InvitationStore.MailState;
import org.peersupport.survey.domain.InvitationStore;
import org.peersupport.survey.domain.ResponseStore;
import org.peersupport.survey.domain.SurveyTemplate;
import org.peersupport.survey.domain.SurveyTemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey campaigns of the caller's hospitals. A campaign of another hospital does not exist for
 * the caller: every method takes the caller's scope and answers 404 outside it.
 */
@Service
@Transactional(readOnly = true)
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignRepository campaigns;

    private final CampaignLocks locks;

    private final SurveyTemplateRepository templates;

    private final InvitationStore invitations;

    private final ResponseStore responses;

    private final OrganizationService organization;

    private final RosterService roster;

    private final HospitalCalendar calendar;

    CampaignService(CampaignRepository campaigns, CampaignLocks locks, SurveyTemplateRepository templates,
            InvitationStore invitations, ResponseStore responses, OrganizationService organization,
            RosterService roster, HospitalCalendar calendar) {
        this.campaigns = campaigns;
        this.locks = locks;
        this.templates = templates;
        this.invitations = invitations;
        this.responses = responses;
        this.organization = organization;
        this.roster = roster;
        this.calendar = calendar;
    }

    public Page<CampaignSummary> campaigns(HospitalScope scope, Pageable pageable) {
        Set<Long> hospitalIds = scope.hospitalIds().isEmpty() ? Set.of(-1L) : scope.hospitalIds();
        return campaigns.search(scope.all(), hospitalIds, pageable);
    }

    public CampaignView campaign(UUID id, HospitalScope scope) {
        Campaign campaign = campaigns.findWithTemplate(id).filter(c -> scope.includes(c.getHospitalId()))
                .orElseThrow(NotFoundException::new);
        return view(campaign);
    }

    /** Creates a draft. Nothing is sent until the coordinator opens it. */
    @Transactional
    public UUID create(NewCampaign request, HospitalScope scope) {
        RuleViolationException.throwIfAny(broken(request, scope));
        HospitalSummary hospital = organization.hospital(request.hospitalId()).orElseThrow();
        SurveyTemplate template = templates.findWithQuestions(request.templateId()).orElseThrow();
        Campaign campaign = new Campaign(hospital.id(), template, request.title(), request.opensOn(),
                request.closesOn(), request.departmentIds(), today(hospital.timeZone()), calendar.now());
        return campaigns.save(campaign).getId();
    }

    /**
     * Every rule a new campaign breaks, for what was chosen so far: a form that did not bind
     * shows these too, so that every problem appears at once (a field the form already marked
     * keeps its own message, such as "choose a value"); a date is judged by the chosen hospital's today, or by the
     * earliest today among the caller's hospitals before one is chosen.
     */
    @Transactional(readOnly = true)
    public List<RuleViolationException> broken(NewCampaign request, HospitalScope scope) {
        List<RuleViolationException> broken = new ArrayList<>();
        Optional<HospitalSummary> hospital = Optional.ofNullable(request.hospitalId()).filter(scope::includes)
                .flatMap(organization::hospital);
        if (hospital.isEmpty()) {
            broken.add(new RuleViolationException("hospitalId", "campaign.error.hospital"));
        }
        if (request.departmentIds().isEmpty()) {
            broken.add(new RuleViolationException("departmentIds", "campaign.error.noDepartment"));
        }
        else if (hospital.isPresent() && !organization.departments(hospital.get().id()).stream()
                .filter(DepartmentSummary::active).map(DepartmentSummary::id).collect(Collectors.toSet())
                .containsAll(request.departmentIds())) {
            broken.add(new RuleViolationException("departmentIds", "campaign.error.department",
                    hospital.get().name()));
        }
        SurveyTemplate template = request.templateId() == null ? null
                : templates.findWithQuestions(request.templateId()).orElse(null);
        if (template == null) {
            broken.add(new RuleViolationException("templateId", "campaign.error.template"));
        }
        LocalDate today = hospital.map(h -> today(h.timeZone())).orElseGet(() -> calendar.earliestToday(scope));
        broken.addAll(Campaign.broken(request.opensOn(), request.closesOn(), today, template));
        return broken;
    }

    /**
     * Opens the campaign now: one invitation per active roster physician of its departments, in
     * one transaction, queued for {@link InvitationMailer} to send in the background.
     */
    @Transactional
    public int open(UUID id, HospitalScope scope) {
        Campaign campaign = lockScoped(id, scope);
        return openLocked(campaign);
    }

    /** Sends the invitations on the opening day, by the calendar job. */
    @Transactional
    public void schedule(UUID id, HospitalScope scope) {
        Campaign campaign = lockScoped(id, scope);
        campaign.schedule(today(campaign.getHospitalId()));
    }

    /** Queues a reminder to everyone invited, answered or not, so that it reveals nobody; returns how many. */
    @Transactional
    public int remind(UUID id, HospitalScope scope) {
        Campaign campaign = lockScoped(id, scope);
        campaign.remind(today(campaign.getHospitalId()), calendar.now());
        int queued = invitations.queueReminders(campaign.getId());
        log.info("Survey campaign {}: {} reminders queued", campaign.getId(), queued);
        return queued;
    }

    /** Closes now; the invitations, and with them the record of who answered, are deleted. */
    @Transactional
    public void close(UUID id, HospitalScope scope) {
        closeLocked(lockScoped(id, scope));
    }

    public LocalDate today(long hospitalId) {
        return calendar.today(hospitalId);
    }

    /** For the calendar job: opens a scheduled campaign whose opening day has come in its hospital. */
    @Transactional
    void openIfDue(UUID id) {
        Campaign campaign = locks.lock(id).orElseThrow(NotFoundException::new);
        LocalDate today = today(campaign.getHospitalId());
        if (campaign.getState() == CampaignState.SCHEDULED && !today.isBefore(campaign.getOpensOn())
                && !today.isAfter(campaign.getClosesOn())) {
            openLocked(campaign);
        }
    }

    /** For the calendar job: closes a campaign whose closing day has passed in its hospital. */
    @Transactional
    void closeIfOver(UUID id) {
        Campaign campaign = locks.lock(id).orElseThrow(NotFoundException::new);
        if (campaign.isOver(today(campaign.getHospitalId()))) {
            closeLocked(campaign);
        }
    }

    private int openLocked(Campaign campaign) {
        List<RosterMember> members = roster.activeMembers(campaign.departmentIds());
        Map<Long, Integer> invited = new HashMap<>();
        members.forEach(m -> invited.merge(m.departmentId(), 1, Integer::sum));
        campaign.open(today(campaign.getHospitalId()), invited, calendar.now());
        invitations.create(campaign.getId(), members);
        log.info("Survey campaign {} opened: {} invitations queued", campaign.getId(), members.size());
        return members.size();
    }

    private void closeLocked(Campaign campaign) {
        Map<MailState, Integer> progress = invitations.progress(campaign.getId());
        ProgramSettingsView settings = organization.settings();
        campaign.close(today(campaign.getHospitalId()), progress.get(MailState.SENT), progress.get(MailState.FAILED),
                calendar.now(), settings.surveyMinGroupSize(), settings.surveyMinFreeTextSize());
        // Deleting the invitations first waits for any answer being submitted right now; its held
        // answer is then visible to the publishing below, so no answer arrives after the close.
        int deleted = invitations.deleteAll(campaign.getId());
        int published = responses.publishHeld(campaign.getId(), 0);
        log.info("Survey campaign {} closed; {} invitations deleted, {} held answers published", campaign.getId(),
                deleted, published);
    }

    private Campaign lockScoped(UUID id, HospitalScope scope) {
        return locks.lock(id).filter(c -> scope.includes(c.getHospitalId())).orElseThrow(NotFoundException::new);
    }

    CampaignView view(Campaign campaign) {
        return view(campaign, responses.count(campaign.getId()));
    }

    /** The view, with the number of responses the caller has already counted. */
    CampaignView view(Campaign campaign, long responseCount) {
        HospitalSummary hospital = organization.hospital(campaign.getHospitalId()).orElseThrow(NotFoundException::new);
        Map<Long, String> names = organization.departments(hospital.id()).stream()
                .collect(Collectors.toMap(DepartmentSummary::id, DepartmentSummary::name));
        List<DepartmentLine> departments = campaign.getDepartments().stream()
                .map(d -> new DepartmentLine(d.getDepartmentId(), names.getOrDefault(d.getDepartmentId(), "?"),
                        d.getInvited()))
                .sorted(java.util.Comparator.comparing(DepartmentLine::name)).toList();
        MailProgress progress;
        if (campaign.getState() == CampaignState.CLOSED) {
            progress = new MailProgress(0, nullToZero(campaign.getSentCount()), nullToZero(campaign.getFailedCount()));
        }
        else {
            Map<MailState, Integer> counts = invitations.progress(campaign.getId());
            progress = new MailProgress(counts.get(MailState.QUEUED) + counts.get(MailState.SENDING),
                    counts.get(MailState.SENT), counts.get(MailState.FAILED));
        }
        int minGroupSize = campaign.getMinGroupSize().orElseGet(() -> organization.settings().surveyMinGroupSize());
        LocalDate today = today(hospital.timeZone());
        SurveyTemplate template = campaign.getTemplate();
        return new CampaignView(campaign.getId(), campaign.getTitle(), hospital.id(), hospital.name(),
                hospital.timeZone(), template.getId(), template.getName() + " (v" + template.getRevision() + ")",
                campaign.getOpensOn(), campaign.getClosesOn(), campaign.getState(),
                CampaignStatus.of(campaign.getState(), campaign.getClosesOn(), today), today, departments,
                campaign.getRemindersSent(), campaign.getLastReminderAt(), progress,
                campaign.getState() != CampaignState.CLOSED || responseCount < minGroupSize ? null : responseCount,
                minGroupSize);
    }

    private LocalDate today(ZoneId zone) {
        return calendar.today(zone);
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
