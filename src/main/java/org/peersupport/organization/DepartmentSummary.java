package org.peersupport.organization;

import org.peersupport.shared.Choice;

public record DepartmentSummary(long id, long hospitalId, String hospitalName, String name, boolean active)
        implements Choice {

    /** Tells namesakes apart in pickers: "Emergency Medicine, Northbay". */
    @Override
    public String label() {
        return name + ", " + hospitalName;
    }
}
