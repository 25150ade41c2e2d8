package se.atmp2030.workbook.analyze;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How a KPI reads inside a sentence: {@code ${kpi.key:format}}. The words ("over", "at least", "double", "leading",
 * "second") follow from the number by these rules, so that a sentence stays true when the data changes.
 *
 * <ul>
 *   <li>(none): the value; whole numbers without decimals, others with one, thousands grouped</li>
 *   <li>{@code pct}: a fraction as a whole percentage, {@code 1.827} to {@code 183%}</li>
 *   <li>{@code change}: {@code 77% increase}, {@code 12% decrease} or {@code no change}</li>
 *   <li>{@code over}: rounded down to a round figure, with "over" when that is below the value: 712 to
 *       {@code over 700}, 16,412,385 to {@code over 16 million}, 700 to {@code 700}</li>
 *   <li>{@code atleast}: {@code at least 48} when the KPI's period was not over when the data was taken, else {@code 48}
 *       (and {@code 0}, never "at least 0")</li>
 *   <li>{@code times}: a ratio as a verb: {@code double}, {@code triple}, {@code quadruple}, {@code grow by 50%},
 *       {@code fall by 20%}, {@code hold steady}</li>
 *   <li>{@code ordinal}: {@code first}, {@code second}, ... ; {@code leading}: rank 1 is {@code leading}, rank 2
 *       {@code second in}, ...</li>
 *   <li>{@code trend}: a slope as {@code continues to increase}, {@code is decreasing} or {@code is unchanged}</li>
 *   <li>{@code from}, {@code to}: the first and last year of the KPI's period</li>
 *   <li>{@code no}: {@code no} for zero ("no ATMP trials"), else the value</li>
 *   <li>an Excel-style number format such as {@code 0%}, {@code #,##0} or {@code 0.0}</li>
 * </ul>
 */
public final class InsightFormat {
    public static final List<String> NAMES = List.of("pct", "change", "over", "atleast", "times", "ordinal", "leading",
            "trend", "from", "to", "no");
    /** The formats that give the KPI's period, not its value: they read well even when the value is missing. */
    public static final java.util.Set<String> PERIOD = java.util.Set.of("from", "to");
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth"};

    private InsightFormat() {
    }

    /** Whether the format is known: a name of {@link #NAMES} or a number pattern. */
    public static boolean isKnown(String format) {
        return format == null || NAMES.contains(format) || format.matches("[#0,.%\\s]+");
    }

    /** The KPI as text in this format. */
    public static String apply(Kpi kpi, String format) {
        if ("from".equals(format)) {
            return String.valueOf(kpi.from());
        }
        if ("to".equals(format)) {
            return String.valueOf(kpi.to());
        }
        if (kpi.value() == null) {
            return "n/a";
        }
        if (kpi.value() instanceof String text) {
            return text;
        }
        double v = kpi.number();
        if (format == null) {
            return plain(v);
        }
        return switch (format) {
            case "pct" -> Math.round(v * 100) + "%";
            case "change" -> Math.round(v * 100) == 0 ? "no change"
                    : Math.abs(Math.round(v * 100)) + "% " + (v > 0 ? "increase" : "decrease");
            case "over" -> over(v);
            case "atleast" -> (kpi.partial() && v > 0 ? "at least " : "") + plain(v);
            case "times" -> times(v);
            case "ordinal" -> ordinal((int) Math.round(v));
            case "leading" -> Math.round(v) == 1 ? "leading" : ordinal((int) Math.round(v)) + " in";
            case "trend" -> v > 0 ? "continues to increase" : v < 0 ? "is decreasing" : "is unchanged";
            case "no" -> v == 0 ? "no" : plain(v);
            default -> new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(v);
        };
    }

    static String plain(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ENGLISH, "%,d", (long) v);
        }
        return String.format(Locale.ENGLISH, "%,.1f", v);
    }

    /** Rounds down to one significant figure (two from a million up, in millions) and says "over" if that lost something. */
    static String over(double v) {
        String text;
        double round;
        if (v >= 1_000_000) {
            long millions = (long) Math.floor(v / 1_000_000);
            round = millions * 1_000_000.0;
            text = String.format(Locale.ENGLISH, "%,d million", millions);
        } else if (v >= 10) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
            round = Math.floor(v / magnitude) * magnitude;
            text = plain(round);
        } else {
            round = Math.floor(v);
            text = plain(round);
        }
        return round < v ? "over " + text : text;
    }

    static String times(double ratio) {
        for (int k = 2; k <= 4; k++) {
            if (Math.abs(ratio - k) < 0.05) {
                return new String[] {"double", "triple", "quadruple"}[k - 2];
            }
        }
        long pct = Math.round((ratio - 1) * 100);
        return pct == 0 ? "hold steady" : pct > 0 ? "grow by " + pct + "%" : "fall by " + (-pct) + "%";
    }

    static String ordinal(int n) {
        if (n >= 1 && n <= ORDINALS.length) {
            return ORDINALS[n - 1];
        }
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
