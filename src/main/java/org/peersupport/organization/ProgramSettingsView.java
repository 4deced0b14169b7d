package org.peersupport.organization;

import java.time.Duration;

/**
 * The program's settings as other modules read them. A referral should be assigned within the
 * assignment target of its receipt, and its first contact made within the first-contact target of
 * its assignment; urgent ones have targets of their own.
 */
public record ProgramSettingsView(
        String programName,
        MatchingPolicy matchingPolicy,
        int assignTargetHours,
        int urgentAssignTargetHours,
        int firstContactTargetHours,
        int urgentTargetHours,
        int certificationValidMonths,
        int noteRetentionDays,
        int surveyMinGroupSize,
        int surveyMinFreeTextSize,
        int supportersPerDepartment) {

    /** How long after its receipt a referral should be assigned. */
    public Duration assignTarget(boolean urgent) {
        return Duration.ofHours(urgent ? urgentAssignTargetHours : assignTargetHours);
    }

    /** How long after its assignment a referral's first contact should be made. */
    public Duration firstContactTarget(boolean urgent) {
        return Duration.ofHours(urgent ? urgentTargetHours : firstContactTargetHours);
    }
}
