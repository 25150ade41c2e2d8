package se.atmp2030.workbook.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Country names and codes as the registries write them, mapped to one English name so that datasets join: PubMed
 * affiliations end in free text ({@code USA}, {@code P.R. China}), Eurostat and CORDIS use EU codes ({@code EL} for
 * Greece, {@code UK}), JobTech writes {@code Sverige}.
 */
public final class Countries {
    /** A country: its English name, ISO 3166 alpha-2 code, EU code where it differs, and whether it is in Europe. */
    public record Country(String name, String iso2, String euCode, boolean europe) {
    }

    private static final List<Country> ALL = List.of(
            eu("Austria", "AT"), eu("Belgium", "BE"), eu("Bulgaria", "BG"), eu("Croatia", "HR"), eu("Cyprus", "CY"),
            eu("Czechia", "CZ"), eu("Denmark", "DK"), eu("Estonia", "EE"), eu("Finland", "FI"), eu("France", "FR"),
            eu("Germany", "DE"), new Country("Greece", "GR", "EL", true), eu("Hungary", "HU"), eu("Ireland", "IE"),
            eu("Italy", "IT"), eu("Latvia", "LV"), eu("Lithuania", "LT"), eu("Luxembourg", "LU"), eu("Malta", "MT"),
            eu("Netherlands", "NL"), eu("Poland", "PL"), eu("Portugal", "PT"), eu("Romania", "RO"), eu("Slovakia", "SK"),
            eu("Slovenia", "SI"), eu("Spain", "ES"), eu("Sweden", "SE"), eu("Iceland", "IS"), eu("Norway", "NO"),
            eu("Switzerland", "CH"), eu("Liechtenstein", "LI"), new Country("United Kingdom", "GB", "UK", true),
            eu("Serbia", "RS"), eu("Türkiye", "TR"), eu("Ukraine", "UA"), eu("Albania", "AL"), eu("Montenegro", "ME"),
            eu("North Macedonia", "MK"), eu("Bosnia and Herzegovina", "BA"), eu("Moldova", "MD"), eu("Belarus", "BY"),
            new Country("Kosovo", "XK", "XK", true), eu("Russia", "RU"), eu("Andorra", "AD"), eu("Monaco", "MC"),
            eu("San Marino", "SM"),
            world("United States", "US"), world("Canada", "CA"), world("China", "CN"), world("Japan", "JP"),
            world("South Korea", "KR"), world("Australia", "AU"), world("New Zealand", "NZ"), world("India", "IN"),
            world("Israel", "IL"), world("Brazil", "BR"), world("Mexico", "MX"), world("Argentina", "AR"),
            world("Singapore", "SG"), world("Taiwan", "TW"), world("Iran", "IR"), world("Egypt", "EG"),
            world("Saudi Arabia", "SA"), world("South Africa", "ZA"), world("Hong Kong", "HK"), world("Thailand", "TH"),
            world("Malaysia", "MY"), world("Chile", "CL"), world("Colombia", "CO"), world("Pakistan", "PK"),
            world("Qatar", "QA"), world("United Arab Emirates", "AE"), world("Vietnam", "VN"), world("Indonesia", "ID"));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "United States"), Map.entry("us", "United States"),
            Map.entry("unitedstatesofamerica", "United States"), Map.entry("uk", "United Kingdom"),
            Map.entry("england", "United Kingdom"), Map.entry("scotland", "United Kingdom"),
            Map.entry("wales", "United Kingdom"), Map.entry("northernireland", "United Kingdom"),
            Map.entry("greatbritain", "United Kingdom"), Map.entry("prchina", "China"),
            Map.entry("peoplesrepublicofchina", "China"), Map.entry("korea", "South Korea"),
            Map.entry("republicofkorea", "South Korea"), Map.entry("czechrepublic", "Czechia"),
            Map.entry("theNetherlands".toLowerCase(), "Netherlands"), Map.entry("holland", "Netherlands"),
            Map.entry("turkey", "Türkiye"), Map.entry("russianfederation", "Russia"),
            Map.entry("sverige", "Sweden"), Map.entry("danmark", "Denmark"), Map.entry("norge", "Norway"),
            Map.entry("suomi", "Finland"), Map.entry("deutschland", "Germany"), Map.entry("island", "Iceland"));

    private static final Map<String, Country> BY_KEY = new HashMap<>();

    static {
        for (Country c : ALL) {
            BY_KEY.put(Values.fold(c.name()), c);
        }
        ALIASES.forEach((alias, name) -> BY_KEY.put(alias, BY_KEY.get(Values.fold(name))));
    }

    private Countries() {
    }

    private static Country eu(String name, String iso2) {
        return new Country(name, iso2, iso2, true);
    }

    private static Country world(String name, String iso2) {
        return new Country(name, iso2, iso2, false);
    }

    /** A country by its name or a common alias, without regard to case and punctuation. */
    public static Optional<Country> byName(String name) {
        return Optional.ofNullable(BY_KEY.get(Values.fold(name)));
    }

    /** A country by its ISO alpha-2 code or EU code ({@code EL}, {@code UK}). */
    public static Optional<Country> byCode(String code) {
        for (Country c : ALL) {
            if (c.iso2().equalsIgnoreCase(code) || c.euCode().equalsIgnoreCase(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A country by name, alias or code: what an analyst may type in a "country" column. */
    public static Optional<Country> byNameOrCode(String text) {
        return text.strip().length() == 2 ? byCode(text.strip()) : byName(text);
    }
}
