package se.atmp2030.workbook.collect.publications;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
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
    /**
     * Places whose last word is also a country's name: "Sydney, New South Wales." is not in the United Kingdom,
     * "Providence, Rhode Island." not in Iceland.
     */
    private static final Set<String> NOT_COUNTRIES = Set.of("new south wales", "rhode island", "new mexico", "new jersey",
            "long island", "staten island", "prince edward island", "south georgia");
    /** US affiliations often end in the state alone: "Emory University, Atlanta, Georgia." */
    private static final Pattern GEORGIA_USA = Pattern.compile("(?i)\\b(Atlanta|Augusta|Savannah|Athens|Macon|Emory|Columbus"
            + "|Georgia Institute of Technology|Georgia Tech|University of Georgia|Medical College of Georgia)\\b");

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
        Optional<Countries.Country> country = Countries.endOf(text);
        String last = text.substring(text.lastIndexOf(',') + 1).strip();
        String lastLower = last.toLowerCase(java.util.Locale.ROOT);
        if (country.isEmpty() && NOT_COUNTRIES.stream().noneMatch(lastLower::endsWith)) {
            // "SE-171 77 Stockholm Sweden" has no comma before its country: try its last three, two, one words.
            String[] words = WORDS.split(last);
            for (int n = Math.min(3, words.length); n >= 1 && country.isEmpty(); n--) {
                country = Countries.byName(String.join(" ", Arrays.copyOfRange(words, words.length - n, words.length)));
            }
        }
        if (country.isPresent() && country.get().iso2().equals("GE") && GEORGIA_USA.matcher(text).find()) {
            return Countries.byCode("US").map(Countries.Country::name);
        }
        return country.map(Countries.Country::name);
    }
}
