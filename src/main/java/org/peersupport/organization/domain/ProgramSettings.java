package org.peersupport.organization.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.peersupport.organization.MatchingPolicy;
import org.peersupport.organization.ProgramSettingsView;
import org.peersupport.shared.RuleViolationException;

@Entity
@Table(name = "program_settings")
public class ProgramSettings {

    public static final short SINGLE_ROW = 1;

    @Id
    private Short id;

    private String programName;

    @Enumerated(EnumType.STRING)
    private MatchingPolicy matchingPolicy;

    private int firstContactTargetHours;

    private int urgentTargetHours;

    @Column(name = "certification_valid_months")
    private int certificationValidMonths;

    private int noteRetentionDays;

    private int surveyMinGroupSize;

    private int surveyMinFreeTextSize;

    private int supportersPerDepartment;

    @Version
    private long version;

    private Instant updatedAt;

    protected ProgramSettings() {
    }

    /**
     * Applies a whole new set of values. An urgent case can never be given longer than an
     * ordinary one, and free text needs at least as many respondents as the figures do.
     */
    public void change(ProgramSettingsView values, Instant now) {
        if (values.urgentTargetHours() > values.firstContactTargetHours()) {
            throw new RuleViolationException("urgentTargetHours", "settings.error.urgentLonger");
        }
        if (values.surveyMinFreeTextSize() < values.surveyMinGroupSize()) {
            throw new RuleViolationException("surveyMinFreeTextSize", "settings.error.freeTextSmaller");
        }
        this.programName = values.programName();
        this.matchingPolicy = values.matchingPolicy();
        this.firstContactTargetHours = values.firstContactTargetHours();
        this.urgentTargetHours = values.urgentTargetHours();
        this.certificationValidMonths = values.certificationValidMonths();
        this.noteRetentionDays = values.noteRetentionDays();
        this.surveyMinGroupSize = values.surveyMinGroupSize();
        this.surveyMinFreeTextSize = values.surveyMinFreeTextSize();
        this.supportersPerDepartment = values.supportersPerDepartment();
        this.updatedAt = now;
    }

    public ProgramSettingsView view() {
        return new ProgramSettingsView(programName, matchingPolicy, firstContactTargetHours, urgentTargetHours,
                certificationValidMonths, noteRetentionDays, surveyMinGroupSize, surveyMinFreeTextSize,
                supportersPerDepartment);
    }

    public long getVersion() {
        return version;
    }
}
