package org.peersupport.survey;

/**
 * DRAFT until the coordinator sends the invitations, or SCHEDULED to send them on the opening
 * day; OPEN while the invitations go out and the answers come in; CLOSED after the closing day.
 */
public enum CampaignState {
    DRAFT, SCHEDULED, OPEN, CLOSED
}
