package org.peersupport.survey;

import java.time.Instant;

public record TemplateSummary(long id, String name, int revision, boolean frozen, long questionCount,
        Instant changedAt) {

    public String label() {
        return name + " (v" + revision + ")";
    }
}
