package org.peersupport.survey;

import java.time.LocalDate;
import java.util.List;

/** What a coordinator chooses for a campaign; null where nothing was chosen yet. */
public record NewCampaign(String title, Long templateId, Long hospitalId, List<Long> departmentIds,
        LocalDate opensOn, LocalDate closesOn) {

    public NewCampaign {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
