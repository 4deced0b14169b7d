package org.peersupport.survey.domain;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which groups' figures must be hidden. A group with fewer than the minimum is hidden. So that a
 * hidden group cannot be worked out by subtracting the others from the total, whenever a hidden
 * group could be recovered that way (one hidden group alone, or hidden groups that together are
 * still fewer than the minimum) the next smallest shown group is hidden too, until it cannot.
 * A total below the minimum is hidden as well; then there is nothing to subtract from.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The outcome: the hidden groups, and whether the total is hidden. */
    public record Result<K>(Set<K> hidden, boolean totalHidden) {

        public boolean hides(K group) {
            return hidden.contains(group);
        }
    }

    public static <K extends Comparable<K>> Result<K> apply(Map<K, Long> counts, int minimum) {
        return apply(counts, Set.of(), minimum);
    }

    /**
     * @param alreadyHidden groups hidden for another reason (their response count was hidden), which
     *     stay hidden and take part in the complementary rule
     */
    public static <K extends Comparable<K>> Result<K> apply(Map<K, Long> counts, Set<K> alreadyHidden,
            int minimum) {
        Set<K> hidden = new HashSet<>(alreadyHidden);
        hidden.retainAll(counts.keySet());
        counts.forEach((group, count) -> {
            if (count < minimum) {
                hidden.add(group);
            }
        });
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        boolean totalHidden = total < minimum;
        if (totalHidden) {
            return new Result<>(Set.copyOf(counts.keySet()), true);
        }
        while (!hidden.isEmpty() && recoverable(hidden, counts, minimum)) {
            K next = counts.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                    .min(Map.Entry.<K, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
            if (next == null) {
                break;
            }
            hidden.add(next);
        }
        return new Result<>(Set.copyOf(hidden), false);
    }

    private static <K> boolean recoverable(Set<K> hidden, Map<K, Long> counts, int minimum) {
        long hiddenTotal = hidden.stream().mapToLong(counts::get).sum();
        return hidden.size() == 1 || hiddenTotal < minimum;
    }
}
