package org.peersupport.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.peersupport.organization.DepartmentSummary;
import org.peersupport.organization.OrganizationService;
import org.peersupport.organization.RosterService;
import org.peersupport.reporting.Dashboard.Adoption;
import org.peersupport.reporting.Dashboard.Count;
import org.peersupport.reporting.Dashboard.Effectiveness;
import org.peersupport.reporting.Dashboard.Figure;
import org.peersupport.reporting.Dashboard.Implementation;
import org.peersupport.reporting.Dashboard.Outcome;
import org.peersupport.reporting.Dashboard.Quarter;
import org.peersupport.reporting.Dashboard.Reach;
import org.peersupport.reporting.Dashboard.Share;
import org.peersupport.reporting.SmallCounts.Table;
import org.peersupport.reporting.domain.Slice;
import org.peersupport.reporting.domain.SummaryQueries.Departments;
import org.peersupport.reporting.domain.SummaryQueries.Interactions;
import org.peersupport.reporting.domain.SummaryQueries.Percentiles;
import org.peersupport.reporting.domain.SummaryQueries.Reached;
import org.peersupport.reporting.domain.SummaryQueries.ReferralCounts;
import org.peersupport.reporting.domain.SummaryQueries.Referrals;
import org.peersupport.reporting.domain.SummaryQueries.Refresh;
import org.peersupport.reporting.domain.SummaryQueries.YesOf;
import org.peersupport.reporting.domain.SummaryQueries;
import org.peersupport.shared.HospitalScope;
import org.peersupport.shared.NotFoundException;
import org.peersupport.survey.Proportion;
import org.springframework.beans.factory.annotation.Value;
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

    private final RosterService roster;

    private final Cache<FiguresKey, Figures> figures;

    DashboardService(SummaryQueries queries, OrganizationService organization, RosterService roster,
            @Value("${peersupport.reporting.figures-cache:maximumSize=2000,expireAfterAccess=1h}") String cacheSpec) {
        this.figures = Caffeine.from(cacheSpec).build();
        this.queries = queries;
        this.organization = organization;
        this.roster = roster;
    }

    /** The home page's glance: active departments and physicians on their rosters, from the last summary. */
    public record Glance(long departments, long physicians) {
    }

    /**
     * The caller's departments and roster at a glance, read from the summaries (one indexed
     * aggregate) rather than by counting a national roster at every look; before the first
     * summary there is none to read, and the roster is counted once.
     */
    public Glance glance(HospitalScope scope) {
        if (queries.refresh().at() == null) {
            return new Glance(organization.departments(scope).stream().filter(DepartmentSummary::active).count(),
                    roster.countActive(scope));
        }
        Departments d = queries.departments(scope.all() ? Slice.program() : Slice.hospitals(scope.hospitalIds()));
        return new Glance(d.departments(), d.roster());
    }

    /** The figures, with counts of people suppressed below the program's minimum group size (at least 5). */
    public Dashboard dashboard(HospitalScope scope, DashboardFilter filter) {
        int minGroupSize = organization.settings().surveyMinGroupSize();
        return dashboard(scope, filter, minGroupSize, minGroupSize);
    }

    /** The figures with counts suppressed below another minimum: tests check the arithmetic with 1. */
    Dashboard dashboard(HospitalScope scope, DashboardFilter filter, int countMinimum) {
        return dashboard(scope, filter, organization.settings().surveyMinGroupSize(), countMinimum);
    }

    /**
     * @param minGroupSize the survey's minimum group size, which its results were published with
     * @param countMinimum the smallest count of people shown
     */
    private Dashboard dashboard(HospitalScope scope, DashboardFilter filter, int minGroupSize, int countMinimum) {
        String label = null;
        Slice slice;
        // Every group shown is a part of the caller's hospitals, and each hospital of its departments:
        // a group too small, or one that would let a small one be worked out by subtraction, is
        // hidden whole (see Subtraction).
        Map<Long, Long> hospitalSizes = queries.groupSizes(scope.all() ? null : scope.hospitalIds().toArray(Long[]::new),
                null);
        boolean wholeHidden = hospitalSizes.values().stream().mapToLong(Long::longValue).sum() < countMinimum;
        if (filter.departmentId() != null) {
            DepartmentSummary department = organization.department(filter.departmentId())
                    .filter(d -> scope.includes(d.hospitalId())).orElseThrow(NotFoundException::new);
            slice = Slice.department(department.id());
            label = department.label();
            boolean hospitalHidden = Subtraction.hiddenParts(hospitalSizes, countMinimum, wholeHidden)
                    .contains(department.hospitalId());
            wholeHidden = Subtraction.hiddenParts(queries.groupSizes(null, department.hospitalId()), countMinimum,
                    hospitalHidden).contains(department.id());
        }
        else if (filter.hospitalId() != null) {
            label = organization.hospital(filter.hospitalId(), scope).name();
            slice = Slice.hospitals(List.of(filter.hospitalId()));
            wholeHidden = Subtraction.hiddenParts(hospitalSizes, countMinimum, wholeHidden)
                    .contains(filter.hospitalId());
        }
        else {
            slice = scope.all() ? Slice.program() : Slice.hospitals(scope.hospitalIds());
        }
        LocalDate first = filter.firstMonth();
        LocalDate last = filter.lastMonth();
        Refresh refresh = queries.refresh();
        Figures f = figures(refresh, slice, first, last, filter.end());
        Departments departments = f.departments();
        long[] supporters = f.supporters();
        Reached reached = f.reached();
        ReferralCounts referrals = f.referrals();
        Map<LocalDate, Interactions> interactions = f.interactions();
        Interactions allInteractions = SummaryQueries.total(interactions);
        Map<LocalDate, Percentiles> firstContact = f.firstContact();
        Map<LocalDate, Map<String, YesOf>> survey = f.survey();
        Map<LocalDate, Long> reachedByQuarter = f.reachedByQuarter();
        Map<LocalDate, Long> trainedByQuarter = f.trainedByQuarter();

        // A group hidden whole shows nothing about its people; the others follow the rule count by count.
        SmallCounts rule = wholeHidden ? SmallCounts.hidingAll(countMinimum) : SmallCounts.of(countMinimum);
        List<LocalDate> quarters = new ArrayList<>();
        for (LocalDate quarter = first.withMonth((first.getMonthValue() - 1) / 3 * 3 + 1); !quarter.isAfter(last);
                quarter = quarter.plusMonths(3)) {
            quarters.add(quarter);
        }

        Referrals allReferrals = referrals.total();
        Figure physicians = rule.count(reached.physicians());
        Figure interactionCount = rule.count(allInteractions.interactions());
        Figure successful = rule.part(allInteractions.connected(), allInteractions.interactions());
        Figure escalations = rule.part(allInteractions.escalations(), allInteractions.interactions());
        // The trend's columns add up to the period's figures, so each is suppressed as a table with
        // that figure as its total; the sources and triggers add up to the referrals.
        Table<LocalDate> reachedColumn = rule.table(physicians, column(quarters, reachedByQuarter::get));
        Table<LocalDate> interactionColumn = rule.table(interactionCount,
                column(quarters, q -> interactions.getOrDefault(q, Interactions.NONE).interactions()));
        Table<LocalDate> successfulColumn = rule.table(successful,
                column(quarters, q -> interactions.getOrDefault(q, Interactions.NONE).connected()));
        Table<LocalDate> escalationColumn = rule.table(escalations,
                column(quarters, q -> interactions.getOrDefault(q, Interactions.NONE).escalations()));
        Figure referralCount = rule.count(allReferrals.referrals());
        Table<String> bySource = rule.rows(referralCount, referrals.bySource());
        Table<String> byTrigger = rule.rows(referralCount, referrals.byTrigger());
        Table<LocalDate> referralColumn = rule.table(referralCount,
                column(quarters, q -> referrals.byQuarter().getOrDefault(q, Referrals.NONE).referrals()));
        if (bySource.total().hidden() || byTrigger.total().hidden() || referralColumn.total().hidden()) {
            referralCount = Figure.HIDDEN;
        }

        Share reachShare = rule.share(reached.inAdoptedDepartments(), departments.rosterInAdopted());
        Figure inAdopted = reachShare.hidden() ? Figure.HIDDEN
                : rule.part(reached.inAdoptedDepartments(), reached.physicians());
        if (inAdopted.hidden()) {
            reachShare = Share.HIDDEN;
        }
        Reach reach = new Reach(reachedColumn.total(), inAdopted, reachShare, referralCount,
                counts(bySource.cells()), counts(byTrigger.cells()));
        // Departments, their roster and their supporters describe the program, not whom it supported:
        // the coordinator keeps those rosters and sees them on their own pages.
        Adoption adoption = new Adoption(rule.program(departments.departments()), rule.program(departments.adopted()),
                rule.programShare(departments.adopted(), departments.departments()), rule.program(departments.roster()),
                rule.program(departments.rosterInAdopted()),
                rule.programShare(departments.rosterInAdopted(), departments.roster()));
        Map<String, YesOf> periodSurvey = rule.hidesAll() ? Map.of() : survey.getOrDefault(null, Map.of());
        List<Outcome> outcomes = new ArrayList<>();
        for (SurveyMeasure measure : SurveyMeasure.values()) {
            outcomes.add(new Outcome(measure, share(periodSurvey.get(measure.name()))));
        }
        Percentiles period = firstContact.getOrDefault(null, Percentiles.NONE);
        Implementation implementation = new Implementation(rule.program(supporters[0]), rule.program(supporters[1]),
                rule.hours(period.median(), allReferrals.contacted()), rule.hours(period.p90(), allReferrals.contacted()),
                rule.count(allReferrals.contacted()), rule.share(allReferrals.withinTarget(), allReferrals.due()),
                interactionColumn.total(), successfulColumn.total(),
                rule.part(allInteractions.proactive(), allInteractions.interactions()), escalationColumn.total());

        List<Quarter> trend = new ArrayList<>();
        for (LocalDate quarter : quarters) {
            Referrals r = referrals.byQuarter().getOrDefault(quarter, Referrals.NONE);
            Percentiles p = firstContact.getOrDefault(quarter, Percentiles.NONE);
            Map<String, YesOf> s = rule.hidesAll() ? Map.of() : survey.getOrDefault(quarter, Map.of());
            trend.add(new Quarter(quarter.isBefore(first) ? first : quarter, reachedColumn.cells().get(quarter),
                    interactionColumn.cells().get(quarter), successfulColumn.cells().get(quarter),
                    referralColumn.cells().get(quarter), rule.hours(p.median(), r.contacted()),
                    rule.share(r.withinTarget(), r.due()), escalationColumn.cells().get(quarter),
                    rule.program(trainedByQuarter.getOrDefault(quarter, 0L)), share(s.get(SurveyMeasure.HAD_INTERACTION.name())),
                    share(s.get(SurveyMeasure.RECOMMEND.name()))));
        }
        return new Dashboard(filter, label, refresh.at(), rule.minimum(), rule.hidesAll(), reach, adoption,
                new Effectiveness(minGroupSize, outcomes), implementation, trend);
    }

    /** What the summaries say of one slice and period, before any count is suppressed; shared, read only. */
    private record Figures(Departments departments, long[] supporters, Reached reached, ReferralCounts referrals,
            Map<LocalDate, Interactions> interactions, Map<LocalDate, Percentiles> firstContact,
            Map<LocalDate, Map<String, YesOf>> survey, Map<LocalDate, Long> reachedByQuarter,
            Map<LocalDate, Long> trainedByQuarter) {
    }

    /** A slice and period of one version of the summaries (the hospitals as a list, compared by value). */
    private record FiguresKey(long version, int grain, Long departmentId, List<Long> hospitalIds, LocalDate first,
            LocalDate last, LocalDate end) {
    }

    /**
     * The summaries' answers change only when a refresh (or a survey summary) writes them, which raises
     * their version: they are read once per version, slice and period, on each instance, and every
     * view after that sums nothing. The version is read in the page's snapshot, so the figures kept
     * under it are the ones that version holds. Suppression, which depends on the viewer's minimum
     * and on today's group sizes, is applied afresh at every view.
     */
    private Figures figures(Refresh refresh, Slice slice, LocalDate first, LocalDate last, LocalDate end) {
        FiguresKey key = new FiguresKey(refresh.version(), slice.grain(), slice.departmentId(),
                slice.hospitalIds() == null ? null : List.of(slice.hospitalIds()), first, last, end);
        return figures.get(key, k -> new Figures(queries.departments(slice), queries.supporters(slice, end),
                queries.reached(slice, first, last), queries.referrals(slice, first, last),
                queries.interactionsByQuarter(slice, first, last), queries.firstContact(slice, first, last),
                queries.survey(slice, first, last), queries.reachedByQuarter(slice, first, last),
                queries.supportersTrainedByQuarter(slice, first, last, end)));
    }

    private static Map<LocalDate, Long> column(List<LocalDate> quarters, Function<LocalDate, Long> value) {
        Map<LocalDate, Long> column = new LinkedHashMap<>();
        for (LocalDate quarter : quarters) {
            Long v = value.apply(quarter);
            column.put(quarter, v == null ? 0L : v);
        }
        return column;
    }

    /** Largest first; a hidden count sorts as if it were zero, so its place says nothing of its size. */
    private static List<Count> counts(Map<String, Figure> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong((Count c) -> c.count().value()).reversed()
                        .thenComparing(Count::key)).toList();
    }
    private static Proportion share(long count, long of) {
        return of > 0 ? Proportion.of(count, of) : null;
    }

    private static Proportion share(YesOf counts) {
        return counts == null ? null : share(counts.yes(), counts.of());
    }

}
