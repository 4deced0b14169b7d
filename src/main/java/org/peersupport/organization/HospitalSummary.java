package org.peersupport.organization;

import java.time.ZoneId;

import org.peersupport.shared.Choice;

public record HospitalSummary(long id, String name, ZoneId timeZone, boolean active) implements Choice {

    @Override
    public String label() {
        return name;
    }
}
