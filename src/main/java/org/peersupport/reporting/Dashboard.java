package org.peersupport.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.peersupport.survey.Proportion;

/**
 * The program's figures for one filter, in RE-AIM order. Every figure is a count or a share of
 * counts; shares carry their 95% Wilson interval. A null share means there is nothing to divide.
 *
 * @param scopeLabel the hospital or department shown, or null for all the caller's hospitals
 * @param refreshedAt when the summaries were last brought up to date, or null if never
 */
public record Dashboard(DashboardFilter filter, String scopeLabel, Instant refreshedAt, Reach reach,
        Adoption adoption, Effectiveness effectiveness, Implementation implementation, List<Quarter> trend) {

    /** When the summaries were refreshed, in UTC as the page says (not the server's own zone). */
    public ZonedDateTime refreshedAtUtc() {
        return refreshedAt == null ? null : refreshedAt.atZone(ZoneOffset.UTC);
    }

    /** A count under a key: an enum name such as a referral source or trigger. */
    public record Count(String key, long count) {
    }

    /**
     * @param physicians distinct physicians with at least one successful interaction in the period
     * @param inAdoptedDepartments those of them in departments adopted now
     * @param shareOfAdoptedRoster that number out of the active roster of the adopted departments
     */
    public record Reach(long physicians, long inAdoptedDepartments, Proportion shareOfAdoptedRoster, long referrals,
            List<Count> bySource, List<Count> byTrigger) {
    }

    /**
     * @param adoptedShare departments with an active, currently certified supporter, of all active ones
     * @param coverage roster physicians in adopted departments, of the whole active roster
     */
    public record Adoption(long departments, long adopted, Proportion adoptedShare, long roster,
            long rosterInAdopted, Proportion coverage) {
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
     * @param medianHours median time from receipt to first contact, in hours (to 0.1), or null
     * @param withinTarget cases contacted by their due time, of those contacted or past due
     */
    public record Implementation(long supportersTrained, long supportersCertified, Double medianHours,
            Double p90Hours, long contacted, Proportion withinTarget, long interactions,
            long successfulInteractions, long proactiveInteractions, long escalations) {
    }

    /** The same figures for one calendar quarter (its first day), clipped to the period. */
    public record Quarter(LocalDate start, long reached, long interactions, long successfulInteractions,
            long referrals, Double medianHours, Proportion withinTarget, long escalations, long supportersTrained,
            Proportion hadInteraction, Proportion recommend) {

        public String label() {
            return start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
        }
    }
}
