package org.peersupport.organization;

/** The editable fields of a roster row. */
public record PhysicianDetails(String name, String email, String phone, long departmentId, String specialty,
        CareerStage careerStage, boolean active) {
}
