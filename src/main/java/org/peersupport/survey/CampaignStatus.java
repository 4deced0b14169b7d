package org.peersupport.survey;

import java.time.LocalDate;

/** What a coordinator is told about a campaign on a given day in its hospital. */
public enum CampaignStatus {
    DRAFT, SCHEDULED, OPEN, CLOSED;

    public static CampaignStatus of(CampaignState state, LocalDate closesOn, LocalDate today) {
        return switch (state) {
            case DRAFT -> DRAFT;
            case SCHEDULED -> today.isAfter(closesOn) ? CLOSED : SCHEDULED;
            case OPEN -> today.isAfter(closesOn) ? CLOSED : OPEN;
            case CLOSED -> CLOSED;
        };
    }

    public String messageKey() {
        return "campaign.status." + name();
    }
}
