package se.atmp2030.workbook.collect.trials;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a trial as ATMP or not under EU Regulation 1394/2007, by stated rules rather than a hidden list, and says
 * which rule matched and on what text, so that an analyst can check every call.
 *
 * <ol>
 *   <li>Pre-filter: the trial has an intervention of type GENETIC or BIOLOGICAL (else: not ATMP, rule {@code no-genetic-or-biological}).</li>
 *   <li>Exclusions: synthetic oligonucleotides, and vaccines against infectious diseases, are not ATMPs.</li>
 *   <li>The rules of {@link #RULES} in order, first match wins, on the GENETIC/BIOLOGICAL interventions (name,
 *       description, other names), then on the title: gene therapy kinds (GTMP, CAR T included as ex-vivo gene therapy),
 *       tissue engineering (TEP), then cell therapy kinds (sCTMP); a transplant of unmodified haematopoietic stem
 *       cells is excluded before the cell rules, as it is neither substantially manipulated nor used for another function.</li>
 *   <li>A TEP or sCTMP trial that also has a DEVICE intervention is a combined ATMP.</li>
 * </ol>
 */
final class AtmpClassifier {
    /** The outcome: {@code category} is null for a trial that is not ATMP; {@code rule} and {@code evidence} say why. */
    record Classification(boolean atmp, String category, String modality, String rule, String evidence) {
    }

    /** A rule: its id, the category and modality it gives ({@code null} category: excludes), and its terms. */
    record Rule(String id, String category, String modality, Pattern pattern) {
    }

    static final List<Rule> RULES = List.of(
            exclude("oligonucleotide", "antisense", "oligonucleotide", "siRNA", "ASO\\b"),
            new Rule("infectious-vaccine", null, null, Pattern.compile(
                    "vaccin\\w*\\b.*\\b(covid|sars-cov|influenza|infection|hepatitis|rsv|hpv|rabies|ebola|zika|measles|pneumococc)"
                            + "|(covid|sars-cov|influenza|hepatitis|rsv|hpv|rabies|ebola|zika|measles|pneumococc)\\w*\\b.*\\bvaccin",
                    Pattern.CASE_INSENSITIVE)),
            rule("car-t", "GTMP", "CAR T", "CAR[ -]?T\\b", "CAR[ -]T[ -]cell", "chimeric antigen receptor",
                    "\\w+cabtagene", "tisagenlecleucel", "CART\\d*\\b", "CAR[ -]NK"),
            rule("tcr-t", "GTMP", "TCR T", "TCR[ -]T\\b", "TCR[ -]engineered", "T[ -]cell receptor[ -]engineered"),
            rule("aav", "GTMP", "AAV gene therapy", "AAV\\d*\\b", "adeno[ -]associated", "onasemnogene", "voretigene",
                    "etranacogene", "valoctocogene", "fidanacogene"),
            rule("lentiviral", "GTMP", "Lentiviral gene therapy", "lentivir\\w*", "LVV", "atidarsagene", "betibeglogene",
                    "elivaldogene", "lovotibeglogene"),
            rule("gene-editing", "GTMP", "Gene editing", "CRISPR", "Cas9", "gene[ -]edit\\w*", "base[ -]edit\\w*",
                    "zinc finger nuclease", "TALEN", "exagamglogene"),
            rule("oncolytic-virus", "GTMP", "Oncolytic virus", "oncolytic", "talimogene"),
            rule("gene-therapy", "GTMP", "Gene therapy", "gene therap\\w*", "gene transfer", "retrovir\\w*",
                    "adenovir\\w*", "plasmid", "transgen\\w*", "gene[ -]modified"),
            rule("tissue-engineered", "TEP", "Tissue engineered", "tissue[ -]engineer\\w*", "engineered tissue",
                    "bioengineered", "chondrocyte implant\\w*", "chondrosphere", "holoclar", "cell[ -]seeded scaffold"),
            exclude("hsct", "ha?ematopoietic stem cell transplant\\w*", "HSCT", "bone marrow transplant\\w*",
                    "cord blood transplant\\w*", "stem cell transplant\\w*", "donor lymphocyte infusion"),
            rule("msc", "sCTMP", "Mesenchymal stromal cells", "mesenchymal", "MSCs?\\b", "stromal cells?"),
            rule("nk-cell", "sCTMP", "NK cells", "NK[ -]cells?", "natural killer"),
            rule("til", "sCTMP", "TIL", "tumou?r[ -]infiltrating lymphocytes?", "TILs?\\b", "lifileucel"),
            rule("dendritic-cell", "sCTMP", "Dendritic cells", "dendritic cell\\w*", "DCVAC"),
            rule("treg", "sCTMP", "Regulatory T cells", "regulatory T[ -]cells?", "Tregs?\\b"),
            rule("virus-specific-t", "sCTMP", "Virus-specific T cells", "virus[ -]specific T", "tabelecleucel"),
            rule("cell-therapy", "sCTMP", "Other cell therapy", "cell therap\\w*", "autologous \\w+(\\s\\w+)? cells?",
                    "allogeneic \\w+(\\s\\w+)? cells?", "stem cell[ -]derived", "iPSC\\w*", "islet cells?",
                    "keratinocytes?", "cardiomyocytes?", "dopaminergic", "cultured \\w+ cells?"));

    private static final Set<String> PRE_FILTER_TYPES = Set.of("GENETIC", "BIOLOGICAL");

    Classification classify(Trial trial) {
        List<Trial.Intervention> candidates = trial.interventions().stream()
                .filter(i -> PRE_FILTER_TYPES.contains(i.type())).toList();
        if (candidates.isEmpty()) {
            return new Classification(false, null, null, "no-genetic-or-biological",
                    "no intervention of type GENETIC or BIOLOGICAL");
        }
        boolean device = trial.interventions().stream().anyMatch(i -> "DEVICE".equals(i.type()));
        for (Rule rule : RULES) {
            String evidence = evidence(rule.pattern(), candidates, trial.title());
            if (evidence == null) {
                continue;
            }
            if (rule.category() == null) {
                return new Classification(false, null, null, rule.id(), evidence);
            }
            boolean combined = device && !"GTMP".equals(rule.category());
            return new Classification(true, combined ? "combined" : rule.category(), rule.modality(),
                    combined ? rule.id() + "+device" : rule.id(), evidence);
        }
        return new Classification(false, null, null, "no-atmp-term",
                "GENETIC/BIOLOGICAL intervention without an ATMP term");
    }

    private static String evidence(Pattern pattern, List<Trial.Intervention> interventions, String title) {
        for (Trial.Intervention intervention : interventions) {
            for (String text : new String[] {intervention.name(), intervention.details()}) {
                Matcher m = text == null ? null : pattern.matcher(text);
                if (m != null && m.find()) {
                    return "\"" + m.group() + "\" in intervention \"" + intervention.label() + "\"";
                }
            }
        }
        Matcher m = title == null ? null : pattern.matcher(title);
        return m != null && m.find() ? "\"" + m.group() + "\" in title" : null;
    }

    private static Rule rule(String id, String category, String modality, String... terms) {
        return new Rule(id, category, modality, terms(terms));
    }

    private static Rule exclude(String id, String... terms) {
        return new Rule(id, null, null, terms(terms));
    }

    private static Pattern terms(String... terms) {
        // Each term must start at a word boundary, so "AAV" does not match inside "SAAVEDRA".
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", terms) + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
