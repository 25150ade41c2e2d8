package se.atmp2030.workbook.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Country names and codes as the registries write them, mapped to one English name so that datasets join:
 * ClinicalTrials.gov locations end in its own country names, old and new ({@code Korea, Republic of} before 2025,
 * {@code South Korea} after), PubMed affiliations end in free text ({@code USA}, {@code P.R. China}), Eurostat and CORDIS
 * use EU codes ({@code EL} for Greece, {@code UK}), JobTech writes {@code Sverige}.
 *
 * <p>The list is data, in {@code countries.tsv} beside this class: every ISO 3166 country and territory, Kosovo, and the
 * other spellings seen in real exports.
 */
public final class Countries {
    /** A country: its English name, ISO 3166 alpha-2 code, EU code where it differs, and whether it is in Europe. */
    public record Country(String name, String iso2, String euCode, boolean europe) {
    }

    /**
     * Eurostat's geo codes for groups of countries and for parts of one: EU27_2020, EU28, EA20, EEA30_2007, EFTA,
     * DE_TOT (Germany including the former GDR) and FX (metropolitan France).
     */
    private static final Pattern AGGREGATE = Pattern.compile("(EU|EA|EEA|EFTA)\\d*(_\\d{4})?|[A-Z]{2}_TOT|FX");

    private static final List<Country> ALL = new ArrayList<>();
    private static final Map<String, Country> BY_KEY = new HashMap<>();
    private static final Map<String, Country> BY_CODE = new HashMap<>();

    static {
        for (String[] cells : ReferenceTable.rows(Countries.class, "countries.tsv")) {
            Country country = new Country(cells[3], cells[0], cells[1], cells[2].equals("yes"));
            ALL.add(country);
            BY_CODE.put(country.iso2(), country);
            BY_CODE.putIfAbsent(country.euCode(), country);
            BY_KEY.put(key(country.name()), country);
            if (cells.length > 4 && !cells[4].isBlank()) {
                for (String alias : cells[4].split("\\|")) {
                    BY_KEY.putIfAbsent(key(alias), country);
                }
            }
        }
    }

    private Countries() {
    }

    /** Every country of the list. */
    public static List<Country> all() {
        return List.copyOf(ALL);
    }

    /** A country by its name or another spelling, without regard to case, spaces and punctuation. */
    public static Optional<Country> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(name)));
    }

    /**
     * The key a name is looked up by: {@link Values#fold} without accents, so that "Perú", "Canadá" and "México" are
     * the countries written without them.
     */
    private static String key(String name) {
        String folded = Values.fold(name);
        return folded.chars().allMatch(c -> c < 128) ? folded
                : java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** A country by its ISO alpha-2 code or EU code ({@code EL}, {@code UK}). */
    public static Optional<Country> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** A country by name, alias or code: what an analyst may type in a "country" column. */
    public static Optional<Country> byNameOrCode(String text) {
        return text.strip().length() == 2 ? byCode(text.strip()) : byName(text);
    }

    /** Whether a Eurostat geo code stands for a group of countries or a part of one, not a country. */
    public static boolean isAggregate(String geoCode) {
        return AGGREGATE.matcher(geoCode.strip().toUpperCase(Locale.ROOT)).matches();
    }

    /**
     * The country a comma-separated place ends in ({@code Facility, City, State, Zip, Country}): its last part if that
     * is a known name, else its last two, three or four parts, since a country name may itself hold a comma
     * ({@code Busan, Korea, Republic of}; the text after the last comma, "Republic of", is no country). The shortest
     * ending first, so that {@code Hong Kong, China} is in China, as the registry's own country field has it. Empty
     * when the place names no country ({@code Roth}).
     */
    public static Optional<Country> endOf(String place) {
        String[] parts = place.split(",");
        for (int n = 1; n <= Math.min(4, parts.length); n++) {
            StringBuilder ending = new StringBuilder();
            for (int i = parts.length - n; i < parts.length; i++) {
                ending.append(i > parts.length - n ? "," : "").append(parts[i]);
            }
            Optional<Country> country = byName(ending.toString());
            if (country.isPresent()) {
                return country;
            }
        }
        return Optional.empty();
    }
}
