package se.atmp2030.workbook.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Problems;

/**
 * The headline sentences, made from patterns an analyst words freely, with KPIs in placeholders:
 * {@code ${kpi.trials.active:atleast} trials currently active}. Patterns come one per line from a text file
 * ({@code workbook-templates/key-insights.txt}); blank lines and lines starting with {@code #} are skipped.
 */
public final class Insights {
    /** A placeholder: {@code ${name}} or {@code ${name:format}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    /** Alternatives of a sentence: {@code first wording || wording without the missing number}. */
    private static final Pattern ALTERNATIVES = Pattern.compile("\\s*\\|\\|\\s*");

    /**
     * A sentence as written, with the KPIs it uses.
     *
     * @param number  its place among the sentences written (1, 2, 3, ...)
     * @param ordinal its place among the sentence lines of the file, which {@code ${insight.<n>}} names: a sentence
     *                left out leaves its ordinal unused, so that the others keep theirs
     */
    public record Insight(int number, String text, String pattern, List<String> kpis, int ordinal) {
    }

    /** How many sentence lines a file has (not blank, not comments): the ordinals {@code ${insight.<n>}} may name. */
    public static int sentenceLines(List<String> lines) {
        return (int) lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    }

    private Insights() {
    }

    /** The sentences, and the notices of those left out. */
    public record Rendered(List<Insight> insights, List<Notice> notices, int sentenceLines) {
    }

    /**
     * Renders every pattern. A line may give alternatives separated by {@code ||}: the first whose KPIs all have a value
     * is used, so that a sentence about an empty topic can read differently ("No ATMP trials with a Swedish site started
     * in 2024") instead of showing "n/a". A line none of whose alternatives has its numbers is left out, with a
     * {@link Notice}. An unknown KPI or format is a problem, reported with the file, line and the nearest known keys,
     * whichever alternative it is in.
     */
    public static Rendered render(List<String> lines, String file, Map<String, Kpi> kpis, Problems problems) {
        List<Insight> insights = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        int ordinal = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ordinal++;
            int number = i + 1;
            int mark = problems.mark();
            String chosen = null;
            Set<String> chosenKpis = null;
            List<String> empty = new ArrayList<>();
            for (String alternative : ALTERNATIVES.split(line)) {
                String pattern = alternative.strip();
                Set<String> used = new LinkedHashSet<>();
                List<String> withoutValue = new ArrayList<>();
                String text = replace(pattern, m -> {
                    String name = m.group(1).strip();
                    String format = m.group(2) == null ? null : m.group(2).strip();
                    String key = name.startsWith("kpi.") ? name.substring(4) : null;
                    Kpi kpi = key == null ? null : kpis.get(key);
                    if (kpi == null) {
                        problems.add(new Problem(file, number, "placeholder " + m.group(),
                                (key == null ? "\"" + name + "\" does not name a KPI (expected kpi.<key>)" : "unknown KPI \"" + key + "\"")
                                        + " (nearest: " + String.join(", ", nearest(key == null ? name : key, kpis.keySet(), 3)) + ")"));
                        return m.group();
                    }
                    if (!InsightFormat.isKnown(format)) {
                        problems.add(new Problem(file, number, "placeholder " + m.group(), "unknown format \"" + format
                                + "\" (expected " + String.join(", ", InsightFormat.NAMES) + " or a number format such as 0.0%)"));
                        return m.group();
                    }
                    used.add(key);
                    if (kpi.value() == null && (format == null || !InsightFormat.PERIOD.contains(format))) {
                        withoutValue.add(key);
                    }
                    return InsightFormat.apply(kpi, format);
                });
                if (chosen == null && withoutValue.isEmpty()) {
                    chosen = text;
                    chosenKpis = used;
                } else if (chosen == null) {
                    empty.addAll(withoutValue);
                }
            }
            if (!problems.since(mark).isEmpty()) {
                continue;
            }
            if (chosen == null) {
                notices.add(new Notice("sentence left out", file + ":" + number, "no value for "
                        + String.join(", ", new LinkedHashSet<>(empty)) + " in these inputs (give the line an alternative "
                        + "after || that reads well without it)"));
                continue;
            }
            insights.add(new Insight(insights.size() + 1, capitalise(chosen), line, List.copyOf(chosenKpis), ordinal));
        }
        return new Rendered(insights, notices, ordinal);
    }

    private static String replace(String pattern, Function<Matcher, String> replacement) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The known names closest to {@code name} by edit distance. */
    public static List<String> nearest(String name, Set<String> known, int count) {
        return known.stream()
                .sorted(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(Function.identity()))
                .limit(count).collect(Collectors.toList());
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
