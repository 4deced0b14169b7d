package org.peersupport.survey;

import java.time.LocalDate;
import java.util.List;

/** What a coordinator chooses for a campaign. */
public record NewCampaign(String title, long templateId, long hospitalId, List<Long> departmentIds,
        LocalDate opensOn, LocalDate closesOn) {

    public NewCampaign {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
