package org.peersupport.organization;

/** The program's settings as other modules read them. */
public record ProgramSettingsView(
        String programName,
        MatchingPolicy matchingPolicy,
        int firstContactTargetHours,
        int urgentTargetHours,
        int certificationValidMonths,
        int noteRetentionDays,
        int surveyMinGroupSize,
        int surveyMinFreeTextSize,
        int supportersPerDepartment) {
}
