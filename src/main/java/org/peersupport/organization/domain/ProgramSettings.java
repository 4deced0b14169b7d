package org.peersupport.organization.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    private int assignTargetHours;

    private int urgentAssignTargetHours;

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
     * The smallest group of survey respondents whose figures may be shown, and of those whose free
     * text may: below these, one person's answers can be told apart. Nobody may set them lower.
     */
    public static final int SURVEY_GROUP_FLOOR = 5;

    public static final int SURVEY_FREE_TEXT_FLOOR = 10;

    /**
     * Applies a whole new set of values. An urgent case can never be given longer than an
     * ordinary one, survey groups never go below their floors, and free text needs at least as
     * many respondents as the figures do.
     */
    public void change(ProgramSettingsView values, Instant now) {
        RuleViolationException.throwIfAny(broken(values.assignTargetHours(), values.urgentAssignTargetHours(),
                values.firstContactTargetHours(), values.urgentTargetHours(), values.surveyMinGroupSize(),
                values.surveyMinFreeTextSize()));
        this.programName = values.programName();
        this.matchingPolicy = values.matchingPolicy();
        this.assignTargetHours = values.assignTargetHours();
        this.urgentAssignTargetHours = values.urgentAssignTargetHours();
        this.firstContactTargetHours = values.firstContactTargetHours();
        this.urgentTargetHours = values.urgentTargetHours();
        this.certificationValidMonths = values.certificationValidMonths();
        this.noteRetentionDays = values.noteRetentionDays();
        this.surveyMinGroupSize = values.surveyMinGroupSize();
        this.surveyMinFreeTextSize = values.surveyMinFreeTextSize();
        this.supportersPerDepartment = values.supportersPerDepartment();
        this.updatedAt = now;
    }

    /**
     * The rules above, for values of which some may be missing (a form whose other fields could not
     * be read): a rule that needs a missing value is not judged, so a form can show these together
     * with its other errors.
     */
    public static List<RuleViolationException> broken(Integer assign, Integer urgentAssign, Integer firstContact,
            Integer urgentFirstContact, Integer groupSize, Integer freeTextSize) {
        List<RuleViolationException> broken = new ArrayList<>();
        if (assign != null && urgentAssign != null && urgentAssign > assign) {
            broken.add(new RuleViolationException("urgentAssignTargetHours", "settings.error.urgentLonger"));
        }
        if (firstContact != null && urgentFirstContact != null && urgentFirstContact > firstContact) {
            broken.add(new RuleViolationException("urgentTargetHours", "settings.error.urgentLonger"));
        }
        if (groupSize != null && groupSize < SURVEY_GROUP_FLOOR) {
            broken.add(new RuleViolationException("surveyMinGroupSize", "settings.error.groupBelowFloor",
                    SURVEY_GROUP_FLOOR));
        }
        if (freeTextSize != null && freeTextSize < SURVEY_FREE_TEXT_FLOOR) {
            broken.add(new RuleViolationException("surveyMinFreeTextSize", "settings.error.freeTextBelowFloor",
                    SURVEY_FREE_TEXT_FLOOR));
        }
        else if (freeTextSize != null && groupSize != null && freeTextSize < groupSize) {
            broken.add(new RuleViolationException("surveyMinFreeTextSize", "settings.error.freeTextSmaller"));
        }
        return broken;
    }

    public ProgramSettingsView view() {
        return new ProgramSettingsView(programName, matchingPolicy, assignTargetHours, urgentAssignTargetHours,
                firstContactTargetHours, urgentTargetHours,
                certificationValidMonths, noteRetentionDays, surveyMinGroupSize, surveyMinFreeTextSize,
                supportersPerDepartment);
    }

    public long getVersion() {
        return version;
    }
}
