package se.atmp2030.workbook.collect.publications;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.atmp2030.workbook.collect.ReferenceTable;
import se.atmp2030.workbook.collect.Values;

/**
 * The states, provinces and territories that affiliations end in without naming their country: US states
 * ({@code Columbus, OH.}, {@code Bronx, New York.}, {@code Boston, MA 02115}), Canadian provinces ({@code Toronto, ON
 * M5G 1X8}) and Australian states ({@code Sydney, NSW 2000}). The list is data, {@code regions.tsv} beside this class.
 * A region counts only as a whole comma-separated part (so "Hospital Virgen de la Victoria" is not in Australia), or
 * as a code followed by its country's postcode.
 */
final class Regions {
    /** A region's country (ISO alpha-2) by its folded name or code. */
    private static final Map<String, String> BY_NAME = new HashMap<>();
    /** Postcodes by country: a code followed by one is that country's (WA 6102 is Western Australia, WA 98195 Washington). */
    private static final Map<String, Pattern> POSTCODES = Map.of(
            "US", Pattern.compile("\\d{5}(?:-\\d{4})?"),
            "CA", Pattern.compile("[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d"),
            "AU", Pattern.compile("\\d{4}"));
    private static final Map<String, Map<String, String>> CODE_BY_COUNTRY = new HashMap<>();
    /** A part that is a region and a postcode: {@code MA 02115}, {@code ON M5G 1X8}, {@code NSW 2000}, {@code Ohio 43210}. */
    private static final Pattern WITH_POSTCODE = Pattern.compile("(.*?)[\\s,]+([A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d|\\d{4,5}"
            + "(?:-\\d{4})?)");

    static {
        for (String[] cells : ReferenceTable.rows(Regions.class, "regions.tsv")) {
            String country = cells[0];
            BY_NAME.putIfAbsent(Values.fold(cells[1]), country);
            for (String code : cells[2].split("\\|")) {
                if (!code.isBlank()) {
                    BY_NAME.putIfAbsent(Values.fold(code), country);
                    CODE_BY_COUNTRY.computeIfAbsent(country, c -> new HashMap<>()).put(Values.fold(code), cells[1]);
                }
            }
        }
    }

    private Regions() {
    }

    /**
     * The country of a US state, or of a region's postal code ending a part of at most four words, after the city
     * without a comma: {@code Columbus Ohio}, {@code Chicago IL}, {@code University of California Davis Davis
     * California}. Other regions' names count only as whole parts: "Hospital Virgen de la Victoria" is in Spain.
     */
    static Optional<String> endingIn(String part) {
        String[] words = part.strip().split("\\s+");
        if (words.length < 2) {
            return Optional.empty();
        }
        for (int n = Math.min(2, words.length - 1); n >= 1; n--) {
            String ending = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            String country = BY_NAME.get(Values.fold(ending));
            boolean code = ending.matches("[A-Z]{2,3}") && words.length <= 4;
            if (country != null && (code || country.equals("US") && !ending.matches("[A-Z.]{2,5}"))) {
                return Optional.of(country);
            }
        }
        return Optional.empty();
    }

    /**
     * The country (ISO alpha-2) of the region a place's last comma-separated part names, with or without a postcode
     * ({@code OH}, {@code New York}, {@code MA 02115}, {@code Boston MA 02115}); empty when it names none.
     */
    static Optional<String> countryOf(String lastPart) {
        String part = lastPart.strip();
        String whole = BY_NAME.get(Values.fold(part));
        if (whole != null && !part.isEmpty()) {
            return Optional.of(whole);
        }
        Matcher m = WITH_POSTCODE.matcher(part);
        if (!m.matches()) {
            return Optional.empty();
        }
        String before = m.group(1).strip();
        String postcode = m.group(2);
        // The region is what stands before the postcode, or its last word ("Boston MA 02115").
        String lastWord = before.substring(before.lastIndexOf(' ') + 1);
        for (String candidate : new String[] {before, lastWord}) {
            for (Map.Entry<String, Pattern> country : POSTCODES.entrySet()) {
                Map<String, String> codes = CODE_BY_COUNTRY.get(country.getKey());
                String folded = Values.fold(candidate);
                boolean named = codes != null && codes.containsKey(folded)
                        || country.getKey().equals(BY_NAME.get(folded)) && candidate.equals(before);
                if (named && country.getValue().matcher(postcode).matches()) {
                    return Optional.of(country.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
