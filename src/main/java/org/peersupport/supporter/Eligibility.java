package org.peersupport.supporter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who may take a case now, and why each of the others may not. */
public record Eligibility(List<Candidate> eligible, List<Excluded> excluded) {

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
