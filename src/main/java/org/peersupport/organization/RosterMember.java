package org.peersupport.organization;

/**
 * A physician on the active roster, by id, with their department and their e-mail address at
 * this moment: what a survey invitation needs, fixed when the campaign opens.
 */
public record RosterMember(long physicianId, long departmentId, String email) {
}
