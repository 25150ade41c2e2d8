package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wordings of a sentence or a narrative: alternatives separated by {@code ||}, each with an optional condition in
 * front, {@code [when kpi.jobs.sweden_rank > 1]}, so that the sentence can say "Denmark with 519, Sweden second at 156"
 * or "Sweden first with 156" as the data has it. The first alternative whose condition holds and whose KPIs all have a
 * value is used.
 *
 * <p>A condition compares a KPI with a number ({@code >}, {@code >=}, {@code <}, {@code <=}, {@code =}, {@code !=}) or a
 * text ({@code =}, {@code !=}, without regard to case: {@code kpi.publications.leader_europe != Sweden}); several are
 * joined by {@code and}. A KPI without a value makes its condition false.
 */
public final class Wordings {
    private static final Pattern ALTERNATIVES = Pattern.compile("\\s*\\|\\|\\s*");
    private static final Pattern WHEN = Pattern.compile("^\\[\\s*when\\s+([^\\]]*)]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONDITION = Pattern.compile("kpi\\.([\\w.]+)\\s*(>=|<=|!=|=|>|<)\\s*(.+)");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    /** One comparison of a condition. */
    public record Condition(String kpi, String op, String value) {
        boolean holds(Map<String, Kpi> kpis) {
            Kpi k = kpis.get(kpi);
            if (k == null || k.value() == null) {
                return false;
            }
            Double number = parse(value);
            if (k.number() != null && number != null) {
                int c = Double.compare(k.number(), number);
                return switch (op) {
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case "=" -> c == 0;
                    default -> c != 0;
                };
            }
            boolean equal = String.valueOf(k.value()).strip().equalsIgnoreCase(value);
            return switch (op) {
                case "=" -> equal;
                case "!=" -> !equal;
                default -> false;
            };
        }

        private static Double parse(String text) {
            try {
                return Double.valueOf(text.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** An alternative: its conditions (none: always) and its text with placeholders. */
    public record Alternative(List<Condition> conditions, String text) {
        boolean holds(Map<String, Kpi> kpis) {
            return conditions.stream().allMatch(c -> c.holds(kpis));
        }
    }

    /** The chosen wording, with the KPIs it names; {@code text} is null when no alternative could be used. */
    public record Choice(String text, Set<String> kpis, Set<String> withoutValue) {
    }

    private Wordings() {
    }

    /** Whether a text uses alternatives or conditions (a plain text with placeholders does not). */
    public static boolean hasAlternatives(String text) {
        return ALTERNATIVES.matcher(text).find() || WHEN.matcher(text.strip()).find();
    }

    /**
     * The alternatives of a line.
     *
     * @throws IllegalArgumentException naming what is wrong with a condition
     */
    public static List<Alternative> parse(String line) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String part : ALTERNATIVES.split(line.strip())) {
            List<Condition> conditions = new ArrayList<>();
            String text = part.strip();
            Matcher when = WHEN.matcher(text);
            if (when.find()) {
                for (String comparison : AND.split(when.group(1).strip())) {
                    Matcher c = CONDITION.matcher(comparison.strip());
                    if (!c.matches()) {
                        throw new IllegalArgumentException("condition \"" + comparison.strip() + "\" in [when ...] is not "
                                + "kpi.<key> <op> <value> (op one of > >= < <= = !=)");
                    }
                    conditions.add(new Condition(c.group(1), c.group(2), c.group(3).strip()));
                }
                text = text.substring(when.end());
            }
            alternatives.add(new Alternative(List.copyOf(conditions), text));
        }
        return alternatives;
    }

    /**
     * Chooses and words a line.
     *
     * @param word gives a placeholder's text from its name and format, or {@code null} when the placeholder is unknown
     *             (it is then left as written, and the caller reports it)
     */
    public static Choice choose(String line, Map<String, Kpi> kpis, BiFunction<String, String, String> word) {
        Set<String> withoutValue = new LinkedHashSet<>();
        for (Alternative alternative : parse(line)) {
            if (!alternative.holds(kpis)) {
                continue;
            }
            Set<String> used = new LinkedHashSet<>();
            Set<String> missing = new LinkedHashSet<>();
            Matcher m = Insights.PLACEHOLDER.matcher(alternative.text());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).strip();
                String format = m.group(2) == null ? null : m.group(2).strip();
                if (name.startsWith("kpi.")) {
                    Kpi kpi = kpis.get(name.substring(4));
                    if (kpi != null) {
                        used.add(kpi.key());
                        if (kpi.value() == null && (format == null || !InsightFormat.PERIOD.contains(format))) {
                            missing.add(kpi.key());
                        }
                    }
                }
                String text = word.apply(name, format);
                m.appendReplacement(out, Matcher.quoteReplacement(text == null ? m.group() : text));
            }
            m.appendTail(out);
            if (missing.isEmpty()) {
                return new Choice(tidy(out.toString()), used, Set.of());
            }
            withoutValue.addAll(missing);
        }
        return new Choice(null, Set.of(), withoutValue);
    }

    /** The KPI keys the conditions of a line name. */
    public static Set<String> conditionKpis(String line) {
        Set<String> keys = new LinkedHashSet<>();
        parse(line).forEach(a -> a.conditions().forEach(c -> keys.add(c.kpi())));
        return keys;
    }

    /**
     * A worded sentence made tidy: a format that words to nothing ({@code counting} without a rise) leaves no double
     * space, no space before a comma or full stop, and no dash at the end.
     */
    static String tidy(String text) {
        String t = text.replaceAll("[ \\t]{2,}", " ").replaceAll(" +([,.;:)])", "$1").replaceAll("\\( +", "(")
                .replaceAll("\\s*[–-]\\s*$", "").strip();
        // A sentence that starts with a worded number ("no CAR T infusions") starts with a capital.
        Matcher start = SENTENCE_START.matcher(t);
        StringBuilder out = new StringBuilder();
        while (start.find()) {
            start.appendReplacement(out, Matcher.quoteReplacement(start.group(1) + start.group(2).toUpperCase(java.util.Locale.ROOT)));
        }
        start.appendTail(out);
        return out.toString();
    }

    private static final Pattern SENTENCE_START = Pattern.compile("(^|[.!?] )(\\p{Ll})");
}
