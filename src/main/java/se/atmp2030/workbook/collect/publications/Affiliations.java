package se.atmp2030.workbook.collect.publications;

import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import se.atmp2030.workbook.collect.Countries;

/**
 * The country of a free-text affiliation, from its end: {@code ..., Karolinska Institutet, Stockholm, Sweden.}, maybe
 * followed by an e-mail address. Several affiliations may share one AD line, separated by {@code ;}.
 */
final class Affiliations {
    private static final Pattern EMAIL = Pattern.compile("(?i)(electronic address:)?\\s*\\S+@\\S+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.;,]+$");
    private static final Pattern WORDS = Pattern.compile("\\s+");

    private Affiliations() {
    }

    static TreeSet<String> countries(Iterable<String> affiliations) {
        TreeSet<String> countries = new TreeSet<>();
        for (String affiliation : affiliations) {
            for (String part : affiliation.split(";")) {
                country(part).ifPresent(countries::add);
            }
        }
        return countries;
    }

    static Optional<String> country(String affiliation) {
        String text = TRAILING.matcher(EMAIL.matcher(affiliation).replaceAll("")).replaceAll("");
        String last = text.substring(text.lastIndexOf(',') + 1).strip();
        Optional<Countries.Country> country = Countries.byName(last);
        // "SE-171 77 Stockholm Sweden" has no comma before its country: try its last three, two, one words.
        String[] words = WORDS.split(last);
        for (int n = Math.min(3, words.length); n >= 1 && country.isEmpty(); n--) {
            country = Countries.byName(String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length)));
        }
        return country.map(Countries.Country::name);
    }
}
