package org.peersupport.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.reporting.Dashboard.Adoption;
import org.peersupport.reporting.Dashboard.Count;
import org.peersupport.reporting.Dashboard.Effectiveness;
import org.peersupport.reporting.Dashboard.Implementation;
import org.peersupport.reporting.Dashboard.Outcome;
import org.peersupport.reporting.Dashboard.Quarter;
import org.peersupport.reporting.Dashboard.Reach;
import org.peersupport.reporting.domain.Slice;
import org.peersupport.reporting.domain.SummaryQueries.Departments;
import org.peersupport.reporting.domain.SummaryQueries.Interactions;
import org.peersupport.reporting.domain.SummaryQueries.Percentiles;
import org.peersupport.reporting.domain.SummaryQueries.Reached;
import org.peersupport.reporting.domain.SummaryQueries.ReferralCounts;
import org.peersupport.reporting.domain.SummaryQueries.Referrals;
import org.peersupport.reporting.domain.SummaryQueries.YesOf;
import org.peersupport.reporting.domain.SummaryQueries;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.survey.Proportion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program dashboard for a coordinator's hospitals or the whole program. A hospital or
 * department outside the caller's scope does not exist for them (404). All figures are read in
 * one snapshot, so a refresh running meanwhile never mixes old and new summaries on one page.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class DashboardService {

    private final SummaryQueries queries;

    private final OrganizationService organization;

    DashboardService(SummaryQueries queries, OrganizationService organization) {
        this.queries = queries;
        this.organization = organization;
    }

    public Dashboard dashboard(HospitalScope scope, DashboardFilter filter) {
        String label = null;
        Slice slice;
        if (filter.departmentId() != null) {
            DepartmentSummary department = organization.department(filter.departmentId())
                    .filter(d -> scope.includes(d.hospitalId())).orElseThrow(NotFoundException::new);
            slice = Slice.department(department.id());
            label = department.label();
        }
        else if (filter.hospitalId() != null) {
            label = organization.hospital(filter.hospitalId(), scope).name();
            slice = Slice.hospitals(List.of(filter.hospitalId()));
        }
        else {
            slice = scope.all() ? Slice.program() : Slice.hospitals(scope.hospitalIds());
        }
        LocalDate first = filter.firstMonth();
        LocalDate last = filter.lastMonth();
        LocalDate end = filter.end();
        int minGroupSize = organization.settings().surveyMinGroupSize();

        Departments departments = queries.departments(slice);
        long[] supporters = queries.supporters(slice, end);
        Reached reached = queries.reached(slice, first, last);
        ReferralCounts referrals = queries.referrals(slice, first, last);
        Map<LocalDate, Interactions> interactions = queries.interactionsByQuarter(slice, first, last);
        Interactions allInteractions = SummaryQueries.total(interactions);
        Map<LocalDate, Percentiles> firstContact = queries.firstContact(slice, first, last);
        Map<LocalDate, Map<String, YesOf>> survey = queries.survey(slice, first, last);
        Map<LocalDate, Long> reachedByQuarter = queries.reachedByQuarter(slice, first, last);
        Map<LocalDate, Long> trainedByQuarter = queries.supportersTrainedByQuarter(slice, first, last, end);

        Reach reach = new Reach(reached.physicians(), reached.inAdoptedDepartments(),
                share(reached.inAdoptedDepartments(), departments.rosterInAdopted()), referrals.total().referrals(),
                counts(referrals.bySource()), counts(referrals.byTrigger()));
        Adoption adoption = new Adoption(departments.departments(), departments.adopted(),
                share(departments.adopted(), departments.departments()), departments.roster(),
                departments.rosterInAdopted(), share(departments.rosterInAdopted(), departments.roster()));
        Map<String, YesOf> periodSurvey = survey.getOrDefault(null, Map.of());
        List<Outcome> outcomes = new ArrayList<>();
        for (SurveyMeasure measure : SurveyMeasure.values()) {
            outcomes.add(new Outcome(measure, share(periodSurvey.get(measure.name()))));
        }
        Percentiles period = firstContact.getOrDefault(null, Percentiles.NONE);
        Implementation implementation = new Implementation(supporters[0], supporters[1], hours(period.median()),
                hours(period.p90()), referrals.total().contacted(),
                share(referrals.total().withinTarget(), referrals.total().due()), allInteractions.interactions(),
                allInteractions.connected(), allInteractions.proactive(), allInteractions.escalations());

        List<Quarter> trend = new ArrayList<>();
        for (LocalDate quarter = first.withMonth((first.getMonthValue() - 1) / 3 * 3 + 1); !quarter.isAfter(last);
                quarter = quarter.plusMonths(3)) {
            Interactions i = interactions.getOrDefault(quarter, Interactions.NONE);
            Referrals r = referrals.byQuarter().getOrDefault(quarter, Referrals.NONE);
            Percentiles p = firstContact.getOrDefault(quarter, Percentiles.NONE);
            Map<String, YesOf> s = survey.getOrDefault(quarter, Map.of());
            trend.add(new Quarter(quarter.isBefore(first) ? first : quarter, reachedByQuarter.getOrDefault(quarter, 0L),
                    i.interactions(), i.connected(), r.referrals(), hours(p.median()), share(r.withinTarget(), r.due()),
                    i.escalations(), trainedByQuarter.getOrDefault(quarter, 0L),
                    share(s.get(SurveyMeasure.HAD_INTERACTION.name())), share(s.get(SurveyMeasure.RECOMMEND.name()))));
        }
        return new Dashboard(filter, label, queries.refreshedAt(), reach, adoption,
                new Effectiveness(minGroupSize, outcomes), implementation, trend);
    }

    private static List<Count> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)).toList();
    }

    private static Proportion share(long count, long of) {
        return of > 0 ? Proportion.of(count, of) : null;
    }

    private static Proportion share(YesOf counts) {
        return counts == null ? null : share(counts.yes(), counts.of());
    }

    private static Double hours(Integer tenths) {
        return tenths == null ? null : tenths / 10.0;
    }
}
