package se.atmp2030.workbook.collect.trials;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.atmp2030.workbook.collect.AtmpRules;

/**
 * Classifies a trial as ATMP or not under EU Regulation 1394/2007 by the rules of {@code atmp-classification.txt}
 * ({@link AtmpRules}), and says which rule decided and on what text, so that an analyst can check every call.
 *
 * <ol>
 *   <li>Only interventions of type GENETIC or BIOLOGICAL count; a trial without one is not ATMP (rule
 *       {@code no-genetic-or-biological}).</li>
 *   <li>The rules are tried on the interventions' own text first, then the title, then the conditions; within one text
 *       the first rule of the file that matches decides. So a term in the intervention outranks one in the title.</li>
 *   <li>A TEP or sCTMP decision on a trial that also has a DEVICE intervention makes a combined ATMP.</li>
 * </ol>
 * Calls worth a second look carry a {@link Classification#review() review} reason.
 */
final class AtmpClassifier {
    /**
     * The outcome: {@code category} is null for a trial that is not ATMP; {@code rule} and {@code evidence} say why;
     * {@code review} says why an analyst should look at the call, or is null.
     */
    record Classification(boolean atmp, String category, String modality, String rule, String evidence, String review) {
    }

    private static final Set<String> COUNTED_TYPES = Set.of("GENETIC", "BIOLOGICAL");
    private static final java.util.function.Predicate<AtmpRules.Rule> ATMP = rule -> !rule.excludes();
    private static final java.util.function.Predicate<AtmpRules.Rule> PLAIN_TERMS = rule -> !rule.excludes()
            && rule.kind().equals("term");

    private final AtmpRules rules;

    AtmpClassifier(AtmpRules rules) {
        this.rules = rules;
    }

    /** A match: the rule, the text matched and where. */
    private record Match(AtmpRules.Rule rule, String evidence, AtmpRules.Source source, String text) {
    }

    Classification classify(Trial trial) {
        List<Trial.Intervention> counted = trial.interventions().stream()
                .filter(i -> COUNTED_TYPES.contains(i.type())).toList();
        if (counted.isEmpty()) {
            Optional<Match> elsewhere = first(trial, trial.interventions(), ATMP, null);
            String review = elsewhere.filter(m -> m.source() == AtmpRules.Source.INTERVENTIONS)
                    .map(m -> "an ATMP term (" + m.evidence() + ", rule " + m.rule().id() + ") in an intervention that is "
                            + "not GENETIC or BIOLOGICAL, which the rules do not count").orElse(null);
            return new Classification(false, null, null, "no-genetic-or-biological",
                    "no intervention of type GENETIC or BIOLOGICAL", review);
        }
        Optional<Match> decided = first(trial, counted, rule -> true, null);
        if (decided.isEmpty()) {
            return new Classification(false, null, null, "no-atmp-term",
                    "GENETIC/BIOLOGICAL intervention without an ATMP term", null);
        }
        Match m = decided.get();
        AtmpRules.Rule rule = m.rule();
        if (rule.excludes()) {
            // An ATMP term elsewhere than in the words that excluded it ("allogeneic haematopoietic stem cell
            // transplantation" is no cell therapy term of its own).
            Optional<Match> atmpTerm = first(trial, counted, ATMP, m.text());
            String review = atmpTerm.map(a -> "excluded as " + rule.id() + ", though rule " + a.rule().id()
                    + " also saw an ATMP term: " + a.evidence()).orElse(null);
            return new Classification(false, null, null, rule.id(), m.evidence(), review);
        }
        boolean device = trial.interventions().stream().anyMatch(i -> "DEVICE".equals(i.type()));
        boolean combined = device && !"GTMP".equals(rule.category());
        String review = m.source() != AtmpRules.Source.INTERVENTIONS
                ? "decided on the " + m.source().word() + " alone: the interventions name no ATMP term"
                : !rule.kind().equals("term") && first(trial, counted, PLAIN_TERMS, null)
                        .filter(t -> t.source() == AtmpRules.Source.INTERVENTIONS).isEmpty()
                ? "decided on a brand name or WHO INN stem alone (" + m.evidence() + ")" : null;
        return new Classification(true, combined ? "combined" : rule.category(), rule.modality(),
                combined ? rule.id() + "+device" : rule.id(), m.evidence(), review);
    }

    /**
     * The deciding match: the interventions' text first, then the title, then the conditions; within a text, the first
     * rule in the file's order.
     *
     * @param which  the rules to try (all of them to decide; those that make an ATMP for the reviews)
     * @param masked text to leave out of the search (the words that excluded the trial), or null
     */
    private Optional<Match> first(Trial trial, List<Trial.Intervention> interventions,
                                  java.util.function.Predicate<AtmpRules.Rule> which, String masked) {
        for (AtmpRules.Source source : AtmpRules.Source.values()) {
            for (AtmpRules.Rule rule : rules.rules()) {
                if (!which.test(rule) || !rule.lookIn().contains(source)) {
                    continue;
                }
                Optional<String[]> found = find(rule.terms(), source, trial, interventions, masked);
                if (found.isPresent() && (rule.with() == null || alsoHas(rule.with(), trial, interventions))) {
                    return Optional.of(new Match(rule, found.get()[1], source, found.get()[0]));
                }
            }
        }
        return Optional.empty();
    }

    /** The text a term matched and the evidence naming where: {@code {text, evidence}}. */
    private static Optional<String[]> find(AtmpRules.Terms terms, AtmpRules.Source source, Trial trial,
                                           List<Trial.Intervention> interventions, String masked) {
        switch (source) {
            case INTERVENTIONS -> {
                for (Trial.Intervention intervention : interventions) {
                    for (String text : new String[] {intervention.name(), intervention.details()}) {
                        String shown = mask(text, masked);
                        Optional<String> found = terms.find(shown, lower(shown));
                        if (found.isPresent()) {
                            return Optional.of(new String[] {found.get(), "\"" + found.get() + "\" in intervention \""
                                    + intervention.label() + "\""});
                        }
                    }
                }
                return Optional.empty();
            }
            case TITLE -> {
                String title = mask(trial.title(), masked);
                return terms.find(title, lower(title)).map(found -> new String[] {found, "\"" + found + "\" in title"});
            }
            default -> {
                String conditions = mask(trial.conditions(), masked);
                return terms.find(conditions, lower(conditions))
                        .map(found -> new String[] {found, "\"" + found + "\" in conditions"});
            }
        }
    }

    /**
     * The text in lower case, for the rules' quick look. One trial's few texts are looked at by every rule, so the last
     * few are kept (by identity: the same string objects come back for each rule).
     */
    private static String lower(String text) {
        if (text == null) {
            return null;
        }
        Map<String, String> cache = LOWER.get();
        String lower = cache.get(text);
        if (lower == null) {
            if (cache.size() > 64) {
                cache.clear();
            }
            lower = text.toLowerCase(java.util.Locale.ROOT);
            cache.put(text, lower);
        }
        return lower;
    }

    private static final ThreadLocal<Map<String, String>> LOWER = ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /** The text with every occurrence of {@code masked} blanked out. */
    private static String mask(String text, String masked) {
        if (text == null || masked == null || masked.isEmpty()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(masked), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text)
                .replaceAll(" ");
    }

    /** Whether one of the terms is anywhere in the trial: interventions, title or conditions. */
    private static boolean alsoHas(AtmpRules.Terms terms, Trial trial, List<Trial.Intervention> interventions) {
        String all = interventions.stream().map(i -> i.name() + " " + (i.details() == null ? "" : i.details()))
                .collect(Collectors.joining(" ")) + " " + trial.title() + " " + trial.conditions();
        return terms.find(all, lower(all)).isPresent();
    }
}
