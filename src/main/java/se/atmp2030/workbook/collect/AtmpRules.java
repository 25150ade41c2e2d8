package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ATMP classification rules as the analysts keep them: {@code inputs/atmp-classification.txt}, or the built-in
 * copy of it when an inputs folder has none. The file explains its own syntax; in short, a rule is a decision (GTMP,
 * sCTMP, TEP or exclude), an id, a name, and terms in plain words ({@code CAR T}, {@code lentivir*}, {@code -leucel}
 * for a WHO INN stem), each of which also matches its plural. The {@code [job ads]} section lists the terms that make a
 * job ad an ATMP posting.
 */
public final class AtmpRules {
    /** The name of the rules file in an inputs folder. */
    public static final String FILE = "atmp-classification.txt";
    private static final String BUILT_IN = "atmp-classification.txt";
    private static final Pattern HEADER = Pattern.compile("\\[\\s*(GTMP|sCTMP|TEP|exclude|job ads)\\s*([\\w.-]*)\\s*]\\s*(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY = Pattern.compile("(terms|with|look in|kind)\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";
    private static final String SEPARATOR = "[\\s\\-\\u2010\\u2011\\u00A0]+";

    /** Where in a trial a rule looks. */
    public enum Source {
        INTERVENTIONS, TITLE, CONDITIONS;

        /** {@code intervention}, {@code title}, {@code conditions}: how evidence names the place. */
        public String word() {
            return this == INTERVENTIONS ? "intervention" : name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One rule.
     *
     * @param category GTMP, sCTMP or TEP; {@code null} for a rule that excludes
     * @param with     terms one of which must also be in the trial, or {@code null}
     * @param kind     {@code term}, {@code brand} or {@code inn}: a decision on a brand or an INN alone is reviewed
     */
    public record Rule(String id, String category, String modality, Terms terms, Terms with, Set<Source> lookIn,
                       String kind, int line) {
        public boolean excludes() {
            return category == null;
        }
    }

    /** A list of terms, compiled into one pattern; {@link #find} gives the first match. */
    public static final class Terms {
        private final List<String> terms;
        private final Pattern pattern;
        private final List<Pattern> each;
        /** A piece of plain text that every match of a term contains, in lower case: a quick way to say "no match". */
        private final Fragment[] fragments;

        Terms(List<String> terms) {
            this.terms = List.copyOf(terms);
            this.pattern = Pattern.compile(String.join("|", terms.stream().map(AtmpRules::regex).toList()),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            this.each = terms.stream().map(t -> Pattern.compile(regex(t), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
            this.fragments = terms.stream().map(AtmpRules::fragment).distinct().toArray(Fragment[]::new);
        }

        /**
         * The first matching text, as it stands in {@code text}; {@code lower} is the text in lower case (Locale.ROOT),
         * which lets most texts be passed over without running the pattern.
         */
        public Optional<String> find(String text, String lower) {
            if (text == null || lower == null) {
                return Optional.empty();
            }
            for (Fragment fragment : fragments) {
                if (fragment.in(lower)) {
                    return find(text);
                }
            }
            return Optional.empty();
        }

        /** The term (as the rules file spells it) of the first match, so that "Cell Therapies" counts as "cell therapy". */
        public Optional<String> findTerm(String text) {
            return find(text, text == null ? null : text.toLowerCase(Locale.ROOT)).map(found -> {
                for (int i = 0; i < each.size(); i++) {
                    if (each.get(i).matcher(found).matches()) {
                        return terms.get(i);
                    }
                }
                return found;
            });
        }

        public List<String> terms() {
            return terms;
        }

        /** The first matching text, as it stands in {@code text}. */
        public Optional<String> find(String text) {
            if (text == null || text.isEmpty()) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(text);
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        }
    }

    private final List<Rule> rules;
    private final Terms jobTerms;
    private final String origin;

    private AtmpRules(List<Rule> rules, Terms jobTerms, String origin) {
        this.rules = List.copyOf(rules);
        this.jobTerms = jobTerms;
        this.origin = origin;
    }

    /** The trial rules, in the file's order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The terms of the {@code [job ads]} section. */
    public Terms jobTerms() {
        return jobTerms;
    }

    /** Where the rules come from, as the user names it: {@code inputs/atmp-classification.txt} or "the tool's built-in rules". */
    public String origin() {
        return origin;
    }

    /** {@code the rules of inputs/atmp-classification.txt}, or {@code the tool's built-in rules}. */
    public String describe() {
        return origin.startsWith("the ") ? origin : "the rules of " + origin;
    }

    /**
     * The rules of an inputs folder: its own file, or the built-in copy. A rule that does not read is a problem naming
     * the file and line; then the built-in rules are used so that the rest of the inputs can still be checked.
     */
    public static AtmpRules load(Path inputs, String display, Problems problems) throws IOException {
        Path file = inputs.resolve(FILE);
        if (Files.isRegularFile(file)) {
            int mark = problems.mark();
            List<String> lines = TextLines.read(file, display, problems);
            AtmpRules rules = lines == null ? null : parse(lines, display, problems);
            if (rules != null && problems.since(mark).isEmpty()) {
                return rules;
            }
        }
        return builtIn();
    }

    /** The rules the tool ships with: the bundled inputs' {@code atmp-classification.txt}. */
    public static AtmpRules builtIn() throws IOException {
        try (InputStream in = AtmpRules.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IOException("the built-in classification rules are missing from the jar");
            }
            Problems problems = new Problems();
            AtmpRules rules = parse(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")),
                    "the tool's built-in rules", problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the built-in classification rules do not read: " + problems.all());
            }
            return rules;
        }
    }

    /** Reads the rules from the lines of a rules file; what does not read is reported with its line. */
    public static AtmpRules parse(List<String> lines, String file, Problems problems) {
        List<Rule> rules = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        RuleDraft draft = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                finish(draft, rules, jobs, file, problems);
                String decision = header.group(1);
                boolean jobAds = decision.equalsIgnoreCase("job ads");
                if (!jobAds && header.group(2).isEmpty()) {
                    problems.add(file, number, null, "\"" + line + "\" has no id (expected [" + decision + " <id>] <name>)");
                }
                draft = new RuleDraft(jobAds ? null : canonical(decision), header.group(2), header.group(3).strip(), number,
                        jobAds);
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (draft == null || !key.matches()) {
                problems.add(file, number, null, "rule: \"" + line + "\" is not a rule header ([GTMP <id>] <name>) nor a line "
                        + "terms:, with:, look in: or kind: of one");
                continue;
            }
            String value = key.group(2).strip();
            switch (key.group(1).toLowerCase(Locale.ROOT)) {
                case "terms" -> draft.terms.addAll(split(value));
                case "with" -> draft.with.addAll(split(value));
                case "look in" -> {
                    draft.lookIn.clear();
                    for (String place : split(value)) {
                        switch (place.toLowerCase(Locale.ROOT)) {
                            case "interventions", "intervention" -> draft.lookIn.add(Source.INTERVENTIONS);
                            case "title" -> draft.lookIn.add(Source.TITLE);
                            case "conditions", "condition" -> draft.lookIn.add(Source.CONDITIONS);
                            default -> problems.add(file, number, null, "look in: \"" + place
                                    + "\" is not a place (expected interventions, title or conditions)");
                        }
                    }
                }
                default -> {
                    if (!Set.of("brand", "inn", "term").contains(value.toLowerCase(Locale.ROOT))) {
                        problems.add(file, number, null, "kind: \"" + value + "\" is not a kind (expected brand, inn or term)");
                    }
                    draft.kind = value.toLowerCase(Locale.ROOT);
                }
            }
            for (String term : split(value)) {
                String error = key.group(1).equalsIgnoreCase("terms") || key.group(1).equalsIgnoreCase("with")
                        ? check(term) : null;
                if (error != null) {
                    problems.add(file, number, null, "term \"" + term + "\": " + error);
                }
            }
        }
        finish(draft, rules, jobs, file, problems);
        if (rules.isEmpty()) {
            problems.add(file, 0, null, "no rule (expected rules such as [GTMP car-t] CAR T with terms: lines)");
        }
        return new AtmpRules(rules, new Terms(jobs.isEmpty() ? List.of("ATMP") : jobs), file);
    }

    private static final class RuleDraft {
        final String category;
        final String id;
        final String modality;
        final int line;
        final boolean jobAds;
        final List<String> terms = new ArrayList<>();
        final List<String> with = new ArrayList<>();
        final Set<Source> lookIn = EnumSet.allOf(Source.class);
        String kind = "term";

        RuleDraft(String category, String id, String modality, int line, boolean jobAds) {
            this.category = category;
            this.id = id;
            this.modality = modality;
            this.line = line;
            this.jobAds = jobAds;
        }
    }

    private static void finish(RuleDraft draft, List<Rule> rules, List<String> jobs, String file, Problems problems) {
        if (draft == null) {
            return;
        }
        if (draft.terms.isEmpty()) {
            problems.add(file, draft.line, null, (draft.jobAds ? "[job ads]" : "rule " + draft.id) + " has no terms: line");
            return;
        }
        if (draft.jobAds) {
            jobs.addAll(draft.terms);
            return;
        }
        if (rules.stream().anyMatch(r -> r.id().equals(draft.id))) {
            problems.add(file, draft.line, null, "a second rule with the id " + draft.id + " (ids name the rule that "
                    + "decided a trial, so each must be unique)");
        }
        rules.add(new Rule(draft.id, draft.category, draft.category == null ? null : draft.modality,
                new Terms(draft.terms), draft.with.isEmpty() ? null : new Terms(draft.with), Set.copyOf(draft.lookIn),
                draft.kind, draft.line));
    }

    private static String canonical(String decision) {
        return switch (decision.toLowerCase(Locale.ROOT)) {
            case "gtmp" -> "GTMP";
            case "sctmp" -> "sCTMP";
            case "tep" -> "TEP";
            default -> null;
        };
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Why a term cannot be used, or {@code null}. */
    static String check(String term) {
        for (String word : words(term)) {
            if (word.startsWith("-") && word.length() < 3) {
                return "an INN stem needs at least two letters after the hyphen (e.g. -cel)";
            }
            if (!word.equals("*") && word.replace("*", "").isEmpty()) {
                return "a word of * alone stands for any one or two words; " + word + " means nothing more";
            }
        }
        return null;
    }

    private static List<String> words(String term) {
        List<String> words = new ArrayList<>();
        // A stem keeps its hyphen: "-gene -vec" is two stems, "CAR-T" two words.
        for (String part : term.strip().split("\\s+")) {
            if (part.startsWith("-") && part.length() > 1) {
                words.add(part);
            } else {
                words.addAll(Arrays.stream(part.split("[\\-\\u2010\\u2011]+")).filter(w -> !w.isEmpty()).toList());
            }
        }
        return words;
    }

    /** The regular expression a term stands for: whole words, spaces and hyphens alike, plurals, wildcards, stems. */
    static String regex(String term) {
        List<String> parts = new ArrayList<>();
        for (String word : words(term)) {
            if (word.equals("*")) {
                parts.add(WORD_CHAR + "+(?:" + SEPARATOR + WORD_CHAR + "+)?");
            } else if (word.startsWith("-")) {
                parts.add("\\p{L}{4,}" + Pattern.quote(word.substring(1)));
            } else {
                String head = word.startsWith("*") ? WORD_CHAR + "*" : "";
                String tail = word.endsWith("*") ? WORD_CHAR + "*" : "";
                String core = word.replaceAll("^\\*|\\*$", "");
                parts.add(head + (tail.isEmpty() ? plural(core) : Pattern.quote(core) + tail));
            }
        }
        return "(?<!" + WORD_CHAR + ")(?:" + String.join(SEPARATOR, parts) + ")(?!" + WORD_CHAR + ")";
    }

    /**
     * The longest plain piece of a term, in lower case, that every text it matches contains: a word's letters before a
     * wildcard, a stem without its hyphen, a word ending in y without the y (therapy, therapies).
     */
    static Fragment fragment(String term) {
        Fragment best = new Fragment("", false, false, false);
        for (String word : words(term)) {
            if (word.equals("*")) {
                continue;
            }
            String core = word.replaceAll("^[*-]|\\*$", "").toLowerCase(Locale.ROOT);
            boolean start = !word.startsWith("*") && !word.startsWith("-");
            boolean end = !word.endsWith("*");
            // A plain word in y takes "ies" in the plural: its fragment ends before the y (therap-y, therap-ies).
            boolean y = end && !word.startsWith("-") && core.length() > 1 && core.matches(".*[^aeiou]y")
                    && !core.matches(".*\\d.*");
            String text = y ? core.substring(0, core.length() - 1) : core;
            if (text.length() > best.text().length()) {
                best = new Fragment(text, start, end, y);
            }
        }
        return best;
    }

    /**
     * A piece of a term in lower case, and whether it stands at the start or end of a word there: "car" of "CAR T" is
     * in "car-t" but not in "carcinoma" or "scar". At the end a plural may follow: s or es, or y and ies for a word in y.
     */
    record Fragment(String text, boolean wordStart, boolean wordEnd, boolean yWord) {
        boolean in(String lower) {
            if (text.isEmpty()) {
                return true;
            }
            for (int at = lower.indexOf(text); at >= 0; at = lower.indexOf(text, at + 1)) {
                if (wordStart && at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
                    continue;
                }
                if (!wordEnd || endsWord(lower, at + text.length())) {
                    return true;
                }
            }
            return false;
        }

        private boolean endsWord(String lower, int end) {
            int stop = end;
            while (stop < lower.length() && Character.isLetterOrDigit(lower.charAt(stop))) {
                stop++;
            }
            String rest = lower.substring(end, stop);
            return yWord ? rest.equals("y") || rest.equals("ies") : rest.isEmpty() || rest.equals("s") || rest.equals("es");
        }
    }

    /** A word and its English plural: cell(s), therapy/therapies, virus(es); a word with digits has none. */
    private static String plural(String word) {
        if (word.matches(".*\\d.*") || word.length() < 2) {
            return Pattern.quote(word);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.matches(".*[^aeiou]y")) {
            return Pattern.quote(word.substring(0, word.length() - 1)) + "(?:y|ies)";
        }
        if (lower.matches(".*(s|x|z|ch|sh)")) {
            return Pattern.quote(word) + "(?:es)?";
        }
        return Pattern.quote(word) + "(?:s|es)?";
    }
}
