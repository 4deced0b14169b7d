package org.peersupport.survey;

/**
 * A share of a group, with its 95% Wilson score interval, which stays inside 0 to 1 and behaves
 * for small groups and for shares near 0 or 1, where the textbook interval does not.
 */
public record Proportion(long count, long of, double estimate, double low, double high) {

    static final double Z = 1.959963984540054;

    public static Proportion of(long count, long of) {
        if (of <= 0) {
            return new Proportion(count, of, 0, 0, 1);
        }
        double p = (double) count / of;
        double z2 = Z * Z;
        double denominator = 1 + z2 / of;
        double centre = (p + z2 / (2.0 * of)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of)) / denominator;
        return new Proportion(count, of, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public long percent() {
        return Math.round(estimate * 100);
    }

    public long lowPercent() {
        return Math.round(low * 100);
    }

    public long highPercent() {
        return Math.round(high * 100);
    }
}
