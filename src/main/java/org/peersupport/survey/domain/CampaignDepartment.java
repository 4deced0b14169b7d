package org.peersupport.survey.domain;

import jakarta.persistence.Embeddable;

/** A department surveyed by a campaign, and how many of its physicians were invited. */
@Embeddable
public class CampaignDepartment {

    private long departmentId;

    private int invited;

    protected CampaignDepartment() {
    }

    CampaignDepartment(long departmentId) {
        this.departmentId = departmentId;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public int getInvited() {
        return invited;
    }

    void setInvited(int invited) {
        this.invited = invited;
    }
}
