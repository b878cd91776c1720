package dev.plinth.bench;

import java.util.Locale;

/**
 * One line of the results table: Plinth's figure, the peer's or limit's figure next to it, their ratio, the target
 * and whether it was met.
 *
 * @param measure what was measured, with its size
 * @param plinth  Plinth's figure, with its unit
 * @param peer    the peer's or limit's figure, with its unit and name
 * @param ratio   Plinth divided by the peer, or a dash
 * @param target  the target, or a dash
 * @param verdict {@code met}, {@code MISSED} or a dash for rows without a target
 */
record Row(String measure, String plinth, String peer, String ratio, String target, String verdict) {
    static final String NONE = "—";

    /** A row comparing two figures of one unit; {@code met} is null when the row has no target. */
    static Row compare(String measure, double plinth, double peer, String unit, String peerName, String target,
                       Boolean met) {
        return new Row(measure, format(plinth) + " " + unit, format(peer) + " " + unit + " (" + peerName + ")",
                ratio(plinth, peer), target == null ? NONE : target, verdict(met));
    }

    static String ratio(double a, double b) {
        return b == 0 ? NONE : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static String verdict(Boolean met) {
        return met == null ? NONE : met ? "met" : "MISSED";
    }

    /** Three significant digits for small figures, grouped thousands for large ones. */
    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
