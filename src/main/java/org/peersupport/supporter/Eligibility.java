package org.peersupport.supporter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may take a case now, why each of the others may not, and who is barred from it for a
 * reason nobody else may see.
 *
 * <p>{@code barred} holds supporters who would otherwise be eligible but referred this physician
 * or declared a conflict with them (on their own, privately, or through a coordinator). They are
 * never suggested and never counted under a reason of their own: a coordinator who compares the
 * case page with a supporter's page cannot tell "referred anonymously" from "declared a private
 * conflict", which only the supporter sees. A barred supporter is judged by every visible rule
 * first, so one who is also paused, say, counts as paused like anyone else.
 */
public record Eligibility(List<Candidate> eligible, List<Excluded> excluded, List<Candidate> barred) {

    /** A supporter who may take the case, with what ranking needs. */
    public record Candidate(long supporterId, long physicianId, Set<Long> departmentIds, int openCases,
            int capacity, CertificationStatus certification) {
    }

    public record Excluded(long supporterId, ExclusionReason reason) {
    }

    public Map<ExclusionReason, Long> excludedCounts() {
        return excluded.stream().collect(Collectors.groupingBy(Excluded::reason, Collectors.counting()));
    }

    public Map<Long, Candidate> eligibleById() {
        return eligible.stream().collect(Collectors.toMap(Candidate::supporterId, Function.identity()));
    }
}
