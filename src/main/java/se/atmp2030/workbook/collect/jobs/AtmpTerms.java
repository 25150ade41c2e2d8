package se.atmp2030.workbook.collect.jobs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stated rule that makes a job ad an ATMP posting: one of these terms, in Swedish or English, as a whole word in
 * its headline, occupation or description. The first term found is recorded with the posting so that an analyst can
 * check why it counts.
 */
final class AtmpTerms {
    static final List<String> TERMS = List.of(
            "ATMP", "advanced therapy", "advanced therapies", "avancerade terapier", "cell and gene therapy",
            "cell therapy", "cellterapi", "gene therapy", "genterapi", "CAR-T", "CAR T", "viral vector", "virusvektor",
            "AAV", "lentiviral", "gene editing", "CRISPR", "tissue engineering", "stem cell", "stamcell");

    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(" + String.join("|", TERMS.stream().map(AtmpTerms::quote).toList()) + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AtmpTerms() {
    }

    /** The first ATMP term in the texts, in the spelling of {@link #TERMS}. */
    static Optional<String> find(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = PATTERN.matcher(text);
            if (m.find()) {
                String found = m.group(1);
                return TERMS.stream().filter(t -> t.equalsIgnoreCase(found.replace('\u2011', '-'))).findFirst()
                        .or(() -> Optional.of(found));
            }
        }
        return Optional.empty();
    }

    private static String quote(String term) {
        // Words may be joined by a space, a hyphen or a non-breaking hyphen: "CAR-T", "CAR T" and "CAR\u2011T" are one term.
        return Pattern.quote(term).replaceAll("[ -]", "\\\\E[\\\\s\\\\-\\\\u2011]\\\\Q");
    }
}
