package org.peersupport.reporting;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.peersupport.reporting.Dashboard.Figure;
import org.peersupport.reporting.Dashboard.Hours;
import org.peersupport.reporting.Dashboard.Share;
import org.peersupport.survey.Proportion;

/**
 * The one rule for showing counts of people (physicians reached, referrals, interactions,
 * escalations) on the dashboard, its study table and its exports: a count from 1 to one under the
 * program's minimum group size is hidden, and so is whatever would let it be worked out.
 * <ul>
 * <li>A <b>count</b> from 1 to minimum − 1 is hidden.</li>
 * <li>A <b>part</b> of a shown whole (reached in adopted departments, of all reached) is hidden when
 * it is small, or when the rest (whole − part) is: the rest is a count too, one subtraction away.</li>
 * <li>A <b>share</b> is hidden, interval and all, when its count or its denominator is small. Its
 * rest (denominator − count) is not a count of anyone supported: physicians of the roster not
 * reached, whom the coordinator's own roster already gives, or cases contacted late.</li>
 * <li>A <b>table</b> of cells that add up to a total: after the small cells are hidden, while the
 * hidden cells could be recovered from the total and the shown cells (one hidden cell alone, or
 * hidden cells that together are still under the minimum), the next smallest shown cell is hidden
 * as well. When the total is hidden, every cell is: the shown cells would add up to it.</li>
 * </ul>
 * Zero is shown as 0. It names nobody: it says that no one was reached or referred, and the
 * secret here is that someone was. A zero is never taken as the complementary cell either: hidden,
 * it would add nothing to the hidden cells' sum, so the small cell could still be worked out. (A
 * share of 100% is shown when its count is at least the minimum: that the group's members were
 * all reached then says no more than the count and the roster beside it.)
 * <p>
 * A group hidden whole (a department whose active roster is under the minimum, or one hidden with
 * it: see {@link Subtraction}): there, every count is hidden, zeros too, so that "hidden" and "0"
 * cannot be told apart and nothing can be read from which cells exist.
 */
final class SmallCounts {

    private final int minimum;

    private final boolean hidesAll;

    private SmallCounts(int minimum, boolean hidesAll) {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum group size " + minimum);
        }
        this.minimum = minimum;
        this.hidesAll = hidesAll;
    }

    /** The rule for a hospital, a few hospitals, the program, or a large enough department. */
    static SmallCounts of(int minimum) {
        return new SmallCounts(minimum, false);
    }

    /** The rule for a group hidden whole: too small, or hidden so that no smaller one can be worked out. */
    static SmallCounts hidingAll(int minimum) {
        return new SmallCounts(minimum, true);
    }

    int minimum() {
        return minimum;
    }

    /** Whether every count is hidden, because the group itself is smaller than the minimum. */
    boolean hidesAll() {
        return hidesAll;
    }

    boolean small(long count) {
        return count > 0 && count < minimum;
    }

    Figure count(long count) {
        return hidesAll || small(count) ? Figure.HIDDEN : Figure.of(count);
    }

    /**
     * A figure of the program itself (departments, their roster, supporters): no one's support, so
     * shown whatever its size, but not for a group under the minimum, which shows nothing.
     */
    Figure program(long count) {
        return hidesAll ? Figure.HIDDEN : Figure.of(count);
    }

    /** A share of such figures (departments adopted, the roster they cover). */
    Share programShare(long count, long of) {
        return hidesAll ? Share.HIDDEN : of > 0 ? Share.of(Proportion.of(count, of)) : Share.NONE;
    }

    /** A count that is part of a whole shown elsewhere: its rest may not be small either. */
    Figure part(long part, long whole) {
        return hidesPart(part, whole) ? Figure.HIDDEN : Figure.of(part);
    }

    /** A share of people; null proportion when there is nothing to divide by. */
    Share share(long count, long of) {
        if (hidesAll || small(count) || small(of)) {
            return Share.HIDDEN;
        }
        return of > 0 ? Share.of(Proportion.of(count, of)) : Share.NONE;
    }

    /** A time read from cases (a median, a percentile), shown only when at least the minimum of cases. */
    Hours hours(Integer tenths, long cases) {
        if (hidesAll || (tenths != null && cases < minimum)) {
            return Hours.HIDDEN;
        }
        return tenths == null ? Hours.NONE : Hours.of(tenths / 10.0);
    }

    private boolean hidesPart(long part, long whole) {
        return hidesAll || small(part) || (!small(whole) && small(whole - part));
    }

    /** A table's cells as they may be shown, and its total (hidden only if nothing else would do). */
    record Table<K>(Map<K, Figure> cells, Figure total) {
    }

    /**
     * The cells of a table that add up to {@code total} (shown elsewhere on the page), in their
     * order, with the hidden ones hidden. The total may be less than the cells' sum (a physician
     * reached in two quarters counts in each); it is used only as shown or hidden.
     */
    <K extends Comparable<? super K>> Table<K> table(Figure total, Map<K, Long> cells) {
        Set<K> hidden = new HashSet<>();
        cells.forEach((key, count) -> {
            if (hidesAll || small(count) || (total.hidden() && count > 0)) {
                hidden.add(key);
            }
        });
        Figure shownTotal = total;
        while (!shownTotal.hidden() && recoverable(hidden, cells)) {
            K next = cells.entrySet().stream().filter(e -> e.getValue() > 0 && !hidden.contains(e.getKey()))
                    .min(Map.Entry.<K, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
            if (next == null) {
                // No cell left to hide with them (cells that add up to less than a shown total can
                // only come from inconsistent figures): then the total is hidden instead.
                shownTotal = Figure.HIDDEN;
            }
            else {
                hidden.add(next);
            }
        }
        Map<K, Figure> result = new LinkedHashMap<>();
        cells.forEach((key, count) -> result.put(key, hidden.contains(key) ? Figure.HIDDEN : Figure.of(count)));
        return new Table<>(result, shownTotal);
    }

    /** A table whose rows' very presence says something (a source that occurred): no rows when hiding all. */
    <K extends Comparable<? super K>> Table<K> rows(Figure total, Map<K, Long> cells) {
        return hidesAll ? new Table<>(Map.of(), Figure.HIDDEN) : table(total, cells);
    }

    private <K> boolean recoverable(Set<K> hidden, Map<K, Long> cells) {
        if (hidden.isEmpty()) {
            return false;
        }
        long sum = hidden.stream().mapToLong(cells::get).sum();
        return hidden.size() == 1 || sum < minimum;
    }
}
