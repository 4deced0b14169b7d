package org.peersupport.organization;

/** A roster row, with its department and hospital resolved, as other modules and pages read it. */
public record PhysicianSummary(
        long id,
        String name,
        String email,
        String phone,
        long departmentId,
        String departmentName,
        long hospitalId,
        String hospitalName,
        String specialty,
        CareerStage careerStage,
        boolean active) {
}
