package org.peersupport.referral.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peersupport.organization.MatchingPolicy;
import org.peersupport.supporter.Eligibility;
import org.peersupport.supporter.ExclusionReason;

/**
 * Ranks the supporters who may take a case. The program's matching policy decides the role of
 * the department: POST matches within it (same department first), some programs never do
 * (same-department supporters are excluded), or it does not matter. Then fewest open cases
 * first, then most certification left. Supporters who declined this case are left out.
 */
public final class Matching {

    /**
     * Why a supporter is not suggested, as the coordinator sees it. There is deliberately no
     * reason for a referrer or a declared conflict, and they are not counted: "1 has a conflict"
     * next to a supporter page with no declared conflict named an anonymous referrer. Such a
     * supporter is simply not suggested; the case page and the supporter page together cannot
     * tell a referrer from a supporter who declared a private conflict (only they see those).
     */
    public enum Exclusion {
        REFERRED_PHYSICIAN, NOT_ACTIVE, PAUSED, NOT_CERTIFIED, OVER_CAPACITY, SAME_DEPARTMENT, DECLINED_THIS_CASE
    }

    static Exclusion exclusionFor(ExclusionReason reason) {
        return switch (reason) {
            case REFERRED_PHYSICIAN -> Exclusion.REFERRED_PHYSICIAN;
            case NOT_ACTIVE -> Exclusion.NOT_ACTIVE;
            case PAUSED -> Exclusion.PAUSED;
            case NOT_CERTIFIED -> Exclusion.NOT_CERTIFIED;
            case OVER_CAPACITY -> Exclusion.OVER_CAPACITY;
        };
    }

    public record Suggestion(long supporterId, long physicianId, Set<Long> departmentIds, boolean sameDepartment,
            int openCases, int capacity, long certificationDaysLeft) {
    }

    public record Result(List<Suggestion> suggestions, Map<Exclusion, Long> excluded) {

        public boolean suggests(long supporterId) {
            return suggestions.stream().anyMatch(s -> s.supporterId() == supporterId);
        }

        public long excludedTotal() {
            return excluded.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Matching() {
    }

    public static Result rank(Eligibility eligibility, MatchingPolicy policy, long departmentId, Set<Long> declined) {
        Map<Exclusion, Long> excluded = new LinkedHashMap<>();
        for (Map.Entry<ExclusionReason, Long> e : eligibility.excludedCounts().entrySet()) {
            excluded.merge(exclusionFor(e.getKey()), e.getValue(), Long::sum);
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Set<Long> barred = new HashSet<>();
        eligibility.barred().forEach(c -> barred.add(c.supporterId()));
        List<Eligibility.Candidate> candidates = new ArrayList<>(eligibility.eligible());
        candidates.addAll(eligibility.barred());
        for (Eligibility.Candidate c : candidates) {
            boolean same = c.departmentIds().contains(departmentId);
            // Reasons the coordinator may see come first, so a barred supporter counts under them
            // like anyone else; only when none applies is the supporter left out, silently.
            if (declined.contains(c.supporterId())) {
                excluded.merge(Exclusion.DECLINED_THIS_CASE, 1L, Long::sum);
            }
            else if (policy == MatchingPolicy.OTHER_DEPARTMENT && same) {
                excluded.merge(Exclusion.SAME_DEPARTMENT, 1L, Long::sum);
            }
            else if (!barred.contains(c.supporterId())) {
                suggestions.add(new Suggestion(c.supporterId(), c.physicianId(), Set.copyOf(c.departmentIds()), same,
                        c.openCases(), c.capacity(),
                        c.certification().daysLeft()));
            }
        }
        Comparator<Suggestion> order = Comparator.comparingInt(Suggestion::openCases)
                .thenComparing(Comparator.comparingLong(Suggestion::certificationDaysLeft).reversed())
                .thenComparingLong(Suggestion::supporterId);
        if (policy == MatchingPolicy.SAME_DEPARTMENT) {
            order = Comparator.comparing((Suggestion s) -> !s.sameDepartment()).thenComparing(order);
        }
        suggestions.sort(order);
        return new Result(List.copyOf(suggestions), excluded);
    }
}
