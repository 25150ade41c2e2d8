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
    /** What one cell holds: a sentence longer is surely a mistake in the file, not a headline. */
    static final int MAX_SENTENCE = 32_767;

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
            if (!check(line, file + ":" + number, kpis, problems)) {
                continue;
            }
            Wordings.Choice choice = Wordings.choose(line, kpis, (name, format) ->
                    InsightFormat.apply(kpis.get(name.substring(4)), format));
            if (choice.text() == null) {
                notices.add(new Notice("sentence left out", file + ":" + number, (choice.withoutValue().isEmpty()
                        ? "the conditions of none of its wordings hold" : "no value for "
                        + String.join(", ", choice.withoutValue()) + " in these inputs")
                        + " (give the line an alternative after || that reads well without it)"));
                continue;
            }
            if (choice.text().length() > MAX_SENTENCE) {
                problems.add(file, number, null, "the sentence is " + String.format(java.util.Locale.ENGLISH, "%,d",
                        choice.text().length()) + " characters long (expected one sentence per line; a cell holds at "
                        + "most " + String.format(java.util.Locale.ENGLISH, "%,d", MAX_SENTENCE) + ")");
                continue;
            }
            insights.add(new Insight(insights.size() + 1, capitalise(choice.text()), line, List.copyOf(choice.kpis()),
                    ordinal));
        }
        return new Rendered(insights, notices, ordinal);
    }

    /**
     * Checks every placeholder and condition of a line, in every alternative: an unknown KPI or format, or a condition
     * that does not read, is a problem naming the place and the nearest known keys.
     *
     * @return whether the line is free of problems
     */
    static boolean check(String line, String where, Map<String, Kpi> kpis, Problems problems) {
        String file = where.substring(0, where.lastIndexOf(':'));
        int number = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
        int mark = problems.mark();
        List<Wordings.Alternative> alternatives;
        try {
            alternatives = Wordings.parse(line);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, number, "condition", e.getMessage()));
            return false;
        }
        for (Wordings.Alternative alternative : alternatives) {
            for (Wordings.Condition c : alternative.conditions()) {
                if (!kpis.containsKey(c.kpi())) {
                    problems.add(new Problem(file, number, "condition kpi." + c.kpi(), "unknown KPI \"" + c.kpi()
                            + "\" (nearest: " + String.join(", ", nearest(c.kpi(), kpis.keySet(), 3)) + ")"));
                }
            }
            Matcher m = PLACEHOLDER.matcher(alternative.text());
            while (m.find()) {
                String name = m.group(1).strip();
                String format = m.group(2) == null ? null : m.group(2).strip();
                String key = name.startsWith("kpi.") ? name.substring(4) : null;
                if (key == null || !kpis.containsKey(key)) {
                    problems.add(new Problem(file, number, "placeholder " + m.group(),
                            (key == null ? "\"" + name + "\" does not name a KPI (expected kpi.<key>)" : "unknown KPI \"" + key + "\"")
                                    + " (nearest: " + String.join(", ", nearest(key == null ? name : key, kpis.keySet(), 3)) + ")"));
                } else if (!InsightFormat.isKnown(format)) {
                    problems.add(new Problem(file, number, "placeholder " + m.group(), "unknown format \"" + format
                            + "\" (expected " + String.join(", ", InsightFormat.NAMES) + " or a number format such as 0.0%)"));
                }
            }
        }
        return problems.since(mark).isEmpty();
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
