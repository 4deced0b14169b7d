package org.peersupport.organization;

/** A physician on the active roster, by id, with their department: what a survey invitation needs. */
public record RosterMember(long physicianId, long departmentId) {
}
