package org.peersupport.organization;

/** A roster search: free text on name or e-mail, optionally narrowed to a hospital or department. */
public record RosterQuery(String text, Long hospitalId, Long departmentId, Boolean active) {

    public static RosterQuery all() {
        return new RosterQuery(null, null, null, null);
    }
}
