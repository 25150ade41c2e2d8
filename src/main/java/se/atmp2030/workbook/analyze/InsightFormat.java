package se.atmp2030.workbook.analyze;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How a KPI reads inside a sentence: {@code ${kpi.key:format}}. The words ("over", "at least", "double", "fewer",
 * "leading", "second") follow from the number by these rules, so that a sentence stays true when the data changes:
 * direction words come from the sign, trend words from the regression's significance, "and counting" only from a rise
 * into a year that was not over.
 *
 * <ul>
 *   <li>(none): the value; whole numbers without decimals, others with one, thousands grouped</li>
 *   <li>{@code pct}: a fraction as a whole percentage, {@code 1.827} to {@code 183%}</li>
 *   <li>{@code change}: {@code 77% increase}, {@code 12% decrease} or {@code no change}</li>
 *   <li>{@code over}: rounded down to a natural figure of the same magnitude, with "over" when that is below the value:
 *       712 to {@code over 700}, 1,950 to {@code over 1,900}, 16,412,385 to {@code over 16 million}, 700 to {@code 700}</li>
 *   <li>{@code atleast}: {@code at least 48} when the KPI's period was not over when the data was taken (or the value is
 *       otherwise a lower bound), else {@code 48} (and {@code 0}, never "at least 0")</li>
 *   <li>{@code times}: a ratio as a verb: {@code double}, {@code triple}, {@code quadruple}, {@code grow by 50%},
 *       {@code fall by 20%}, {@code hold steady}</li>
 *   <li>{@code ordinal}: {@code first}, {@code second}, ... ; {@code leading}: rank 1 is {@code leading}, rank 2
 *       {@code second in}, ...</li>
 *   <li>{@code trend}: a slope as {@code continues to increase} or {@code is decreasing} where the regression is
 *       significant (p &lt; 0.05), else {@code holds steady}</li>
 *   <li>{@code counting}: {@code and counting} for a rise (a change above 0, a ratio above 1) into a year that was not
 *       over when the data was taken; else nothing</li>
 *   <li>{@code sofar}: {@code so far in 2025} when the KPI's last year was not over, else {@code in 2025}</li>
 *   <li>{@code new NOUN}: a change in a count, {@code 201 new employees}, {@code 1 new employee},
 *       {@code 16 fewer employees}, {@code no new employees}; {@code more NOUN}: {@code 201 more employees},
 *       {@code 16 fewer employees}, {@code no more employees}; the noun is optional</li>
 *   <li>{@code count NOUN}: {@code 8 patients}, {@code 1 patient}, {@code no patients}</li>
 *   <li>{@code from}, {@code to}: the first and last year of the KPI's period</li>
 *   <li>{@code no}: {@code no} for zero ("no ATMP trials"), else the value</li>
 *   <li>an Excel-style number format such as {@code 0%}, {@code #,##0} or {@code 0.0}</li>
 * </ul>
 */
public final class InsightFormat {
    public static final List<String> NAMES = List.of("pct", "change", "over", "atleast", "times", "ordinal", "leading",
            "trend", "counting", "sofar", "new", "more", "count", "from", "to", "no");
    /** The formats that take a noun after their name: {@code new employee}. */
    private static final List<String> WITH_NOUN = List.of("new", "more", "count");
    /** The formats that give the KPI's period, not its value: they read well even when the value is missing. */
    public static final java.util.Set<String> PERIOD = java.util.Set.of("from", "to", "sofar", "counting");
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth"};

    private InsightFormat() {
    }

    /** Whether the format is known: a name of {@link #NAMES} (those of {@link #WITH_NOUN} with a noun) or a number pattern. */
    public static boolean isKnown(String format) {
        return format == null || NAMES.contains(format) || WITH_NOUN.contains(name(format))
                || format.matches("[#0,.%\\s]+");
    }

    /** Whether the format words the value (a name of {@link #NAMES}), rather than being a number pattern. */
    public static boolean isWording(String format) {
        return format != null && NAMES.contains(name(format));
    }

    private static String name(String format) {
        int space = format.indexOf(' ');
        return space < 0 ? format : format.substring(0, space);
    }

    private static String noun(String format) {
        int space = format.indexOf(' ');
        return space < 0 ? "" : format.substring(space + 1).strip();
    }

    /** The KPI as text in this format. */
    public static String apply(Kpi kpi, String format) {
        if ("from".equals(format)) {
            return String.valueOf(kpi.from());
        }
        if ("to".equals(format)) {
            return String.valueOf(kpi.to());
        }
        if ("sofar".equals(format)) {
            return (kpi.partial() ? "so far in " : "in ") + kpi.to();
        }
        if ("counting".equals(format)) {
            Double v = kpi.number();
            boolean rise = v != null && ("ratio".equals(kpi.unit()) ? v > 1 : v > 0);
            return kpi.partial() && rise ? "and counting" : "";
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
        String noun = noun(format);
        return switch (name(format)) {
            case "pct" -> Math.round(v * 100) + "%";
            case "change" -> Math.round(v * 100) == 0 ? "no change"
                    : Math.abs(Math.round(v * 100)) + "% " + (v > 0 ? "increase" : "decrease");
            case "over" -> over(v);
            case "atleast" -> (kpi.partial() && v > 0 ? "at least " : "") + plain(v);
            case "times" -> times(v);
            case "ordinal" -> ordinal((int) Math.round(v));
            case "leading" -> Math.round(v) == 1 ? "leading" : ordinal((int) Math.round(v)) + " in";
            case "trend" -> trend(v, kpi.pValue());
            case "new" -> difference(v, "new", noun);
            case "more" -> difference(v, "more", noun);
            case "count" -> with(v == 0 ? "no" : plain(v), plural(noun, v));
            case "no" -> v == 0 ? "no" : plain(v);
            default -> new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(v);
        };
    }

    /** A slope in words: a direction only where the line is significant; without a p-value (two years) no direction. */
    static String trend(double slope, Double pValue) {
        if (pValue == null || pValue >= Trends.SIGNIFICANCE || slope == 0) {
            return "holds steady";
        }
        return slope > 0 ? "continues to increase" : "is decreasing";
    }

    /** {@code 201 new employees}, {@code 16 fewer employees}, {@code no new employees}. */
    static String difference(double v, String rising, String noun) {
        if (v == 0) {
            return with("no " + rising, plural(noun, 0));
        }
        return v > 0 ? with(plain(v) + " " + rising, plural(noun, v)) : with(plain(-v) + " fewer", plural(noun, -v));
    }

    private static String with(String words, String noun) {
        return noun.isEmpty() ? words : words + " " + noun;
    }

    /** The noun for this many: {@code 1 patient}, {@code 8 patients}; the last word takes the plural. */
    static String plural(String noun, double n) {
        if (noun.isEmpty() || n == 1) {
            return noun;
        }
        int space = noun.lastIndexOf(' ');
        String head = noun.substring(0, space + 1);
        String word = noun.substring(space + 1);
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.matches(".*(s|x|z|ch|sh)")) {
            return head + word + "es";
        }
        if (lower.matches(".*[^aeiou]y")) {
            return head + word.substring(0, word.length() - 1) + "ies";
        }
        return head + word + "s";
    }

    static String plain(double v) {
        if (v == Math.rint(v)) {
            return String.format(Locale.ENGLISH, "%,d", (long) v);
        }
        return String.format(Locale.ENGLISH, "%,.1f", v);
    }

    /**
     * Rounds down to a natural figure of the same magnitude and says "over" if that lost something: to the leading digit
     * (712 to 700) unless that loses more than a tenth of the value, else to two digits (1,950 to 1,900, 25 stays 25);
     * from a million up in millions (16,412,385 to 16 million, 1,950,000 to 1.9 million).
     */
    static String over(double v) {
        if (v <= 0) {
            return plain(v);
        }
        double unit = v >= 1_000_000 ? 1_000_000 : 1;
        double x = v / unit;
        double magnitude = Math.pow(10, Math.floor(Math.log10(x)));
        double round = Math.floor(x / magnitude) * magnitude;
        if ((x - round) / x > 0.1) {
            round = Math.floor(x / (magnitude / 10)) * (magnitude / 10);
        }
        round = Math.round(round * 1e6) / 1e6; // 1.9000000000000001 is 1.9
        String text = unit == 1 ? plain(round) : plain(round) + " million";
        return round * unit < v ? "over " + text : text;
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
