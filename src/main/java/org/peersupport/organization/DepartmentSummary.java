package org.peersupport.organization;

public record DepartmentSummary(long id, long hospitalId, String hospitalName, String name, boolean active) {

    /** Tells namesakes apart in pickers: "Emergency Medicine, Northbay". */
    public String label() {
        return name + ", " + hospitalName;
    }
}
