package org.peersupport.survey.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.shared.RuleViolationException;
import org.peersupport.survey.CampaignState;

/**
 * A survey of chosen departments of one hospital, open from its opening day to its closing day in
 * the hospital's time zone. It guards its own life cycle: draft, scheduled, open, closed.
 */
@Entity
@Table(name = "survey_campaign")
public class Campaign {

    public static final int MAX_DAYS_OPEN = 366;

    /** At most one reminder a day: each one goes to everyone invited, whether they answered or not. */
    static final Duration REMINDER_INTERVAL = Duration.ofHours(20);

    @Id
    private UUID id;

    private long hospitalId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private SurveyTemplate template;

    private String title;

    private LocalDate opensOn;

    private LocalDate closesOn;

    @Enumerated(EnumType.STRING)
    private CampaignState state = CampaignState.DRAFT;

    @ElementCollection
    @CollectionTable(name = "survey_campaign_department", joinColumns = @JoinColumn(name = "campaign_id"))
    private List<CampaignDepartment> departments = new ArrayList<>();

    private int remindersSent;

    private Instant lastReminderAt;

    private Integer sentCount;

    private Integer failedCount;

    /** The suppression thresholds in force when the campaign closed; its results use these for good. */
    private Integer minGroupSize;

    private Integer minFreeTextSize;

    @Version
    private long version;

    // Written by the database's default on insert: a record-keeping time that no rule reads.
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    private Instant openedAt;

    private Instant closedAt;

    protected Campaign() {
    }

    /** A draft; the template is frozen from now on. The caller checks the departments' hospital. */
    public Campaign(long hospitalId, SurveyTemplate template, String title, LocalDate opensOn, LocalDate closesOn,
            Collection<Long> departmentIds, LocalDate today, Instant now) {
        RuleViolationException.throwIfAny(broken(opensOn, closesOn, today, template));
        this.id = UUID.randomUUID();
        this.hospitalId = hospitalId;
        this.template = template;
        this.title = title.strip();
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        departmentIds.stream().distinct().forEach(d -> departments.add(new CampaignDepartment(d)));
        template.freeze(now);
    }

    /**
     * The rules a new campaign with these dates and this template breaks; a value not known yet
     * (null) breaks none. The form asks this too, so that it shows every problem at once.
     */
    public static List<RuleViolationException> broken(LocalDate opensOn, LocalDate closesOn, LocalDate today,
            SurveyTemplate template) {
        List<RuleViolationException> broken = new ArrayList<>();
        if (closesOn != null && opensOn != null && closesOn.isBefore(opensOn)) {
            broken.add(new RuleViolationException("closesOn", "campaign.error.closesBeforeOpens"));
        }
        else if (closesOn != null && closesOn.isBefore(today)) {
            broken.add(new RuleViolationException("closesOn", "campaign.error.closesInPast"));
        }
        else if (closesOn != null && opensOn != null && opensOn.plusDays(MAX_DAYS_OPEN).isBefore(closesOn)) {
            broken.add(new RuleViolationException("closesOn", "campaign.error.tooLong", MAX_DAYS_OPEN));
        }
        if (template != null && !template.isUsable()) {
            broken.add(new RuleViolationException("templateId", "campaign.error.emptyTemplate"));
        }
        return broken;
    }

    /** Sends the invitations on the opening day instead of now. */
    public void schedule(LocalDate today) {
        requireState(CampaignState.DRAFT);
        if (!today.isBefore(opensOn)) {
            throw new RuleViolationException(null, "campaign.error.openNow");
        }
        state = CampaignState.SCHEDULED;
    }

    /**
     * Opens the campaign: the caller creates one invitation per active roster physician, whose
     * counts per department are recorded here as the denominators of the response rates.
     */
    public void open(LocalDate today, Map<Long, Integer> invitedByDepartment, Instant now) {
        if (state != CampaignState.DRAFT && state != CampaignState.SCHEDULED) {
            throw new RuleViolationException(null, "campaign.error.alreadyOpen");
        }
        if (today.isBefore(opensOn)) {
            throw new RuleViolationException(null, "campaign.error.notYet", opensOn);
        }
        if (today.isAfter(closesOn)) {
            throw new RuleViolationException(null, "campaign.error.closed");
        }
        departments.forEach(d -> d.setInvited(invitedByDepartment.getOrDefault(d.getDepartmentId(), 0)));
        state = CampaignState.OPEN;
        openedAt = now;
    }

    public void remind(LocalDate today, Instant now) {
        if (!acceptsAnswers(today)) {
            throw new RuleViolationException(null, "campaign.error.notOpen");
        }
        if (lastReminderAt != null && lastReminderAt.plus(REMINDER_INTERVAL).isAfter(now)) {
            throw new RuleViolationException(null, "campaign.error.reminderTooSoon");
        }
        remindersSent++;
        lastReminderAt = now;
    }

    /** Closes for good; the invitations are deleted by the caller, their counts are kept here. */
    public void close(LocalDate today, int sent, int failed, Instant now, int minGroupSize, int minFreeTextSize) {
        if (state == CampaignState.CLOSED) {
            return;
        }
        this.minGroupSize = minGroupSize;
        this.minFreeTextSize = minFreeTextSize;
        if (state == CampaignState.OPEN) {
            sentCount = sent;
            failedCount = failed;
        }
        if (today.isBefore(closesOn)) {
            closesOn = today.isBefore(opensOn) ? opensOn : today;
        }
        state = CampaignState.CLOSED;
        closedAt = now;
    }

    public boolean acceptsAnswers(LocalDate today) {
        return state == CampaignState.OPEN && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** Past its closing day but not yet closed by the calendar job. */
    public boolean isOver(LocalDate today) {
        return today.isAfter(closesOn) && state != CampaignState.CLOSED;
    }

    public List<Long> departmentIds() {
        return departments.stream().map(CampaignDepartment::getDepartmentId).toList();
    }

    private void requireState(CampaignState expected) {
        if (state != expected) {
            throw new RuleViolationException(null, "campaign.error.alreadyOpen");
        }
    }

    public UUID getId() {
        return id;
    }

    public long getHospitalId() {
        return hospitalId;
    }

    public SurveyTemplate getTemplate() {
        return template;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public CampaignState getState() {
        return state;
    }

    public List<CampaignDepartment> getDepartments() {
        return List.copyOf(departments);
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    public Instant getLastReminderAt() {
        return lastReminderAt;
    }

    public Integer getSentCount() {
        return sentCount;
    }

    public Integer getFailedCount() {
        return failedCount;
    }

    /** The thresholds frozen at closing; empty while the campaign has not closed. */
    public java.util.Optional<Integer> getMinGroupSize() {
        return java.util.Optional.ofNullable(minGroupSize);
    }

    public java.util.Optional<Integer> getMinFreeTextSize() {
        return java.util.Optional.ofNullable(minFreeTextSize);
    }

    public long getVersion() {
        return version;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}
