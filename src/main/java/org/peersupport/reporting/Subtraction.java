package org.peersupport.reporting;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which groups' figures are hidden whole so that no small group's can be worked out by subtracting
 * pages from one another. A hospital's figures are the sum of its departments', and a coordinator's
 * (or the program's) the sum of their hospitals'. If only a one-physician department were hidden,
 * the hospital's page minus its other departments' pages would give that department's figures:
 * "1 reached". So, among the groups that make up a shown whole:
 * <ul>
 * <li>a group with fewer than the minimum on its active roster is hidden (a group that is no
 * longer active counts every physician still recorded in it);</li>
 * <li>while the hidden groups together hold fewer than the minimum, the smallest shown group is
 * hidden as well: the difference a reader can work out is then the sum of a group of at least the
 * minimum, as large as a department that is shown;</li>
 * <li>the parts of a hidden whole follow the same rule, as if a part of them were hidden already:
 * a hidden hospital whose departments were all shown would be their sum.</li>
 * </ul>
 * The groups hidden depend only on rosters, never on the figures, so which ones are hidden says
 * nothing about whom the program reached. (Not even on whether a small group has any figure: then
 * whether its neighbour is hidden would tell whether anyone in it was reached. So a department just
 * created, with nobody yet, hides the smallest other one too, until it holds the minimum.)
 */
final class Subtraction {

    private Subtraction() {
    }

    /**
     * @param rosters each part's size, by id
     * @param wholeHidden whether the whole they make up is hidden itself
     * @return the ids of the parts whose figures are hidden
     */
    static Set<Long> hiddenParts(Map<Long, Long> rosters, int minimum, boolean wholeHidden) {
        Set<Long> hidden = new HashSet<>();
        long hiddenRoster = 0;
        for (Map.Entry<Long, Long> part : rosters.entrySet()) {
            if (part.getValue() < minimum) {
                hidden.add(part.getKey());
                hiddenRoster += part.getValue();
            }
        }
        if (hidden.isEmpty() && !wholeHidden) {
            return hidden;
        }
        List<Map.Entry<Long, Long>> shown = rosters.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                .sorted(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        for (Map.Entry<Long, Long> next : shown) {
            if (hiddenRoster >= minimum) {
                break;
            }
            hidden.add(next.getKey());
            hiddenRoster += next.getValue();
        }
        return hidden;
    }
}
