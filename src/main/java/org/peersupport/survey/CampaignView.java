package org.peersupport.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as its page shows it. {@code responses} is null until the campaign has closed, and
 * after that while there are fewer than its minimum, so that the page never shows a count that
 * small nor one that moves with a single answer.
 */
public record CampaignView(UUID id, String title, long hospitalId, String hospitalName, ZoneId timeZone,
        long templateId, String templateLabel, LocalDate opensOn, LocalDate closesOn, CampaignState state,
        CampaignStatus status, LocalDate today, List<DepartmentLine> departments, int remindersSent,
        Instant lastReminderAt, MailProgress progress, Long responses, int minGroupSize) {

    public record DepartmentLine(long id, String name, int invited) {
    }

    public int invited() {
        return departments.stream().mapToInt(DepartmentLine::invited).sum();
    }

    public boolean canOpenNow() {
        return (state == CampaignState.DRAFT || state == CampaignState.SCHEDULED) && !today.isBefore(opensOn)
                && !today.isAfter(closesOn);
    }

    public boolean canSchedule() {
        return state == CampaignState.DRAFT && today.isBefore(opensOn);
    }

    public boolean canRemind() {
        return status == CampaignStatus.OPEN && !progress.sending();
    }

    public boolean canClose() {
        return state != CampaignState.CLOSED;
    }

    /** Results exist only once the campaign has closed, frozen at that moment. */
    public boolean hasResults() {
        return state == CampaignState.CLOSED;
    }
}
