package org.peersupport.survey;

import java.time.LocalDate;
import java.util.UUID;

/** A row of the campaigns list. */
public record CampaignSummary(UUID id, String title, long hospitalId, String templateName, int templateRevision,
        LocalDate opensOn, LocalDate closesOn, CampaignState state) {

    public CampaignStatus status(LocalDate today) {
        return CampaignStatus.of(state, closesOn, today);
    }
}
