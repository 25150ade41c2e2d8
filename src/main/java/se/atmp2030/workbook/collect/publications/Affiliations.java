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
    private static final Pattern DIGITS = Pattern.compile("[\\p{N}-]+");

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
        if (country.isEmpty()) {
            // "Stockholm 171 77 Sweden" or "SE-171 77 Sweden": try the words after the last number
            String[] words = DIGITS.split(last);
            country = Countries.byName(words.length == 0 ? "" : words[words.length - 1].strip());
        }
        return country.map(Countries.Country::name);
    }
}
