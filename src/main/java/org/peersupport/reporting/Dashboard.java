package org.peersupport.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.peersupport.survey.Proportion;

/**
 * The program's figures for one filter, in RE-AIM order. Every figure is a count or a share of
 * counts; shares carry their 95% Wilson interval. A null share means there is nothing to divide.
 * Counts of people ({@link Figure}, {@link Share}, {@link Hours}) come already suppressed by
 * {@link SmallCounts}: a hidden one carries no number, so no page or export can show it.
 *
 * @param scopeLabel the hospital or department shown, or null for all the caller's hospitals
 * @param refreshedAt when the summaries were last brought up to date, or null if never
 * @param minGroupSize the smallest count of people that may be shown
 * @param smallGroup the group shown is hidden whole, every count of people included: it has fewer
 *     than that on its active roster, or it is hidden with a smaller one (see Subtraction)
 */
public record Dashboard(DashboardFilter filter, String scopeLabel, Instant refreshedAt, int minGroupSize,
        boolean smallGroup, Reach reach, Adoption adoption, Effectiveness effectiveness,
        Implementation implementation, List<Quarter> trend) {

    /** A count of people that may be shown, or hidden (then without its number). */
    public record Figure(long value, boolean hidden) {

        public static final Figure HIDDEN = new Figure(0, true);

        public static Figure of(long value) {
            return new Figure(value, false);
        }
    }

    /** A share of people: hidden, or a proportion (null when there is nothing to divide by). */
    public record Share(Proportion proportion, boolean hidden) {

        public static final Share HIDDEN = new Share(null, true);

        public static final Share NONE = new Share(null, false);

        public static Share of(Proportion proportion) {
            return new Share(proportion, false);
        }
    }

    /** A time read from cases, in hours (to 0.1): hidden, or a value (null when no case was contacted). */
    public record Hours(Double value, boolean hidden) {

        public static final Hours HIDDEN = new Hours(null, true);

        public static final Hours NONE = new Hours(null, false);

        public static Hours of(double value) {
            return new Hours(value, false);
        }
    }

    /** A count under a key: an enum name such as a referral source or trigger. */
    public record Count(String key, Figure count) {
    }

    /**
     * @param physicians distinct physicians with at least one successful interaction in the period
     * @param inAdoptedDepartments those of them in departments adopted now
     * @param shareOfAdoptedRoster that number out of the active roster of the adopted departments
     */
    public record Reach(Figure physicians, Figure inAdoptedDepartments, Share shareOfAdoptedRoster, Figure referrals,
            List<Count> bySource, List<Count> byTrigger) {
    }

    /**
     * Departments and their roster describe the program, not whom it supported: shown, except for
     * a department under the minimum, which shows no figure at all.
     *
     * @param adoptedShare departments with an active, currently certified supporter, of all active ones
     * @param coverage roster physicians in adopted departments, of the whole active roster
     */
    public record Adoption(Figure departments, Figure adopted, Share adoptedShare, Figure roster,
            Figure rosterInAdopted, Share coverage) {
    }

    /** A survey measure (see {@link SurveyMeasure}), or null share when no result may be shown. */
    public record Outcome(SurveyMeasure measure, Proportion share) {
    }

    public record Effectiveness(int minGroupSize, List<Outcome> outcomes) {

        public Outcome of(SurveyMeasure measure) {
            return outcomes.stream().filter(o -> o.measure() == measure).findFirst().orElse(null);
        }
    }

    /**
     * Supporters are counted as they are (the program's trained staff, whom the coordinator keeps
     * on the supporter roster, not the people it supported), except in a department under the minimum.
     *
     * @param medianHours median time from receipt to first contact
     * @param withinTarget cases contacted by their due time, of those contacted or past due
     */
    public record Implementation(Figure supportersTrained, Figure supportersCertified, Hours medianHours,
            Hours p90Hours, Figure contacted, Share withinTarget, Figure interactions,
            Figure successfulInteractions, Figure proactiveInteractions, Figure escalations) {
    }

    /** The same figures for one calendar quarter (its first day), clipped to the period. */
    public record Quarter(LocalDate start, Figure reached, Figure interactions, Figure successfulInteractions,
            Figure referrals, Hours medianHours, Share withinTarget, Figure escalations, Figure supportersTrained,
            Proportion hadInteraction, Proportion recommend) {

        public String label() {
            return start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
        }
    }
}
