package org.peersupport.organization;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.peersupport.organization.domain.ProgramSettings;
import org.peersupport.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramSettingsTest {

    static final Instant NOW = Instant.parse("2026-12-02T02:30:00Z");

    private final ProgramSettings settings = org.springframework.beans.BeanUtils.instantiateClass(ProgramSettings.class);

    @Test
    void anUrgentCaseIsNeverGivenLongerThanAnOrdinaryOne() {
        assertThatThrownBy(() -> settings.change(view(24, 25, 5, 10), NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("settings.error.urgentLonger");
        settings.change(view(24, 24, 5, 10), NOW);
        assertThat(settings.view().urgentTargetHours()).isEqualTo(24);
    }

    @Test
    void anUrgentReferralIsNeverGivenLongerToBeAssignedThanAnOrdinaryOne() {
        ProgramSettingsView longer = new ProgramSettingsView("Program", MatchingPolicy.ANY, 8, 9, 24, 4, 24, 30, 5,
                10, 2);
        assertThatThrownBy(() -> settings.change(longer, NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("settings.error.urgentLonger");
        ProgramSettingsView same = new ProgramSettingsView("Program", MatchingPolicy.ANY, 8, 8, 24, 4, 24, 30, 5,
                10, 2);
        settings.change(same, NOW);
        assertThat(settings.view().assignTarget(true)).isEqualTo(java.time.Duration.ofHours(8));
        assertThat(settings.view().firstContactTarget(true)).isEqualTo(java.time.Duration.ofHours(4));
    }

    @Test
    void freeTextNeedsAtLeastAsManyRespondentsAsFigures() {
        assertThatThrownBy(() -> settings.change(view(24, 4, 12, 10), NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("settings.error.freeTextSmaller");
        settings.change(view(24, 4, 10, 10), NOW);
        assertThat(settings.view()).isEqualTo(view(24, 4, 10, 10));
    }

    @Test
    void surveyGroupsNeverGoBelowTheirFloors() {
        assertThatThrownBy(() -> settings.change(view(24, 4, 4, 10), NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("settings.error.groupBelowFloor");
        assertThatThrownBy(() -> settings.change(view(24, 4, 2, 2), NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("settings.error.groupBelowFloor");
        assertThatThrownBy(() -> settings.change(view(24, 4, 5, 9), NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessage("settings.error.freeTextBelowFloor");
        settings.change(view(24, 4, 5, 10), NOW);
        assertThat(settings.view()).isEqualTo(view(24, 4, 5, 10));
    }

    private static ProgramSettingsView view(int target, int urgent, int group, int freeText) {
        return new ProgramSettingsView("Program", MatchingPolicy.OTHER_DEPARTMENT, 24, 2, target, urgent, 24, 30, group,
                freeText, 2);
    }
}
