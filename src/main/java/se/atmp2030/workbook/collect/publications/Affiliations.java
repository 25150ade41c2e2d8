package se.atmp2030.workbook.collect.publications;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import se.atmp2030.workbook.collect.Countries;

/**
 * The country of a free-text affiliation, from its end: {@code ..., Karolinska Institutet, Stockholm, Sweden.}, as
 * PubMed authors write it, in the forms seen in real exports:
 * <ul>
 *   <li>the country in English, in its own language ({@code Italia}, {@code Sverige}, {@code España}) or in an older
 *       form ({@code Slovak Republic}, {@code Republic of Korea}, {@code Taiwan, ROC}; Taiwan is never China);</li>
 *   <li>a US state, Canadian province or Australian state instead of the country ({@code Columbus, OH.},
 *       {@code Bronx, New York.}, {@code Toronto, ON M5G 1X8}, {@code Sydney, NSW 2000}), see {@link Regions};</li>
 *   <li>followed by a postcode, an e-mail address ({@code Electronic address: x@y.org}), an ORCID or a reference mark
 *       ({@code London, UK. [3].}).</li>
 * </ul>
 * Several institutions may share one AD line, separated by {@code ;}, numbered {@code 1] ... [2] ...} or marked
 * {@code *}, {@code †} (or {@code dagger}); each is read. A place that names no country, state or province ("Karolinska
 * Institutet, Stockholm.") gets none: the collector lists it for review rather than guess from a city.
 */
final class Affiliations {
    private static final Pattern EMAIL = Pattern.compile("(?i)(?:electronic address|e-?mail(?: address)?|correspondence)"
            + "\\s*[:.]?\\s*|\\S+@\\S+");
    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    /** Telephone and fax numbers, and ORCID iDs written out: {@code Telephone number: +65 6779 5555}, {@code +91-98-99931682}. */
    private static final Pattern PHONE = Pattern.compile("(?i)(?:\\b(?:tel(?:ephone)?(?: number)?|phone|fax|mobile|orcid(?: id)?)"
            + "\\s*[:.]?\\s*[+\\dX()\\s./#,-]*\\d[\\dX)]*|(?<![\\w-])\\+\\d[\\d\\s()-]{6,}\\d)");
    /** A footnote run on after the address: {@code USA†Corresponding author}, {@code USA*Co-first author}. */
    private static final Pattern FOOTNOTE = Pattern.compile("(?i)(?:[†‡§¶*]+|\\d)\\s*(?:corresponding author|co-first author|"
            + "these authors|equal(?:ly)? contribut|present address|current address|contributed equally).*$");
    /**
     * A footnote mark that starts the next institution, as a sign or spelled out by the export:
     * {@code Los Angeles, CA daggerUniversity of Kentucky, Lexington, KY double daggerDepartment ...}.
     */
    private static final Pattern MARKED = Pattern.compile("\\s*(?:\\b(?:double dagger|dagger|section sign|paragraph sign|"
            + "parallel)|[†‡§¶‖#*]+)(?=[A-Z])");
    /** A British postcode, which no other country writes so: {@code London N19 5LW}, {@code London SE1 1UL}. */
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[ABD-HJLNP-UW-Z]{2}$");
    /** Institution identifiers PubMed appends: {@code GRID: grid.413876.f}, {@code ISNI: 0000 0004 0572 9255}. */
    private static final Pattern IDS = Pattern.compile("(?i)\\b(?:GRID|ISNI|RINGGOLD|ROR)\\s*:\\s*[\\w./-]+(?:\\s+\\d{4})*\\.?");
    /** The authors' initials after a place, as some journals write them: {@code Calgary, AB, Canada (C.O.)}. */
    private static final Pattern INITIALS = Pattern.compile("\\s*\\((?:\\s*[A-Z][A-Za-z]?\\.(?:-?[A-Z][a-z]?\\.)*\\s*,?)+\\)");
    /** A place named for several institutions before it: {@code Duke ..., Durham, and ..., Pinehurst - both in North Carolina}. */
    private static final Pattern BOTH_IN = Pattern.compile("(?i)^.*?\\s[-–]\\s*(?:both|all)\\s+in\\s+(.+)$");
    /** Where two institutions run together without a separator: {@code Lima 31, Perú Department of ...}. */
    private static final Pattern RUN_TOGETHER = Pattern.compile("(?<=\\p{L})\\.?\\s+(?=(?:Department|Division|Faculty|"
            + "Laboratory|Laboratories|Section|Service|Unit|Program|Programme)\\b)");
    /** A reference mark, {@code [3]} or {@code 3]} at the start of a numbered institution. */
    private static final Pattern MARK = Pattern.compile("\\[\\s*\\d+\\s*]|^\\s*\\d+\\s*]");
    /** Where PubMed's numbered form starts the next institution: {@code 1] X [2] Y}. */
    private static final Pattern NUMBERED = Pattern.compile("(?<=\\S)\\s*\\[\\s*\\d+\\s*]\\s*(?=\\S)");
    private static final Pattern TRAILING = Pattern.compile("[\\s.;,:()\\[\\]]+$");
    /** A postcode at the end of a part: {@code Sweden 171 77}, {@code China 100730}, {@code Japan 113-8655}. */
    private static final Pattern TRAILING_POSTCODE = Pattern.compile("[\\s,]+(?:[A-Z]{1,2}[-\\s]?)?\\d[\\d\\s-]{2,}$"
            + "|(?:[\\s,]+|(?<=UK))[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}$");
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

    /** Every country among the affiliations, each AD line read institution by institution. */
    static TreeSet<String> countries(Iterable<String> affiliations) {
        TreeSet<String> countries = new TreeSet<>();
        for (String affiliation : affiliations) {
            for (String part : institutions(affiliation)) {
                country(part).ifPresent(countries::add);
            }
        }
        return countries;
    }

    /**
     * The institutions of one AD line: split at {@code ;}, at PubMed's numbered marks ({@code 1] X [2] Y}), and where
     * an address that ends in a country runs on into the next institution ({@code Lima, Perú Department of ...}).
     */
    static List<String> institutions(String affiliation) {
        List<String> parts = new ArrayList<>();
        for (String piece : affiliation.split(";")) {
            for (String numbered : NUMBERED.split(piece)) {
                for (String institution : MARKED.split(numbered)) {
                    if (!institution.isBlank()) {
                        parts.addAll(runTogether(institution));
                    }
                }
            }
        }
        return parts;
    }

    /** The text cut where a country is followed at once by the next institution's first word. */
    private static List<String> runTogether(String text) {
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher m = RUN_TOGETHER.matcher(text);
        int start = 0;
        while (m.find()) {
            // Only an address's last part that is a country on its own: ", Perú Department" (not "Macau University").
            String before = text.substring(start, m.start());
            int comma = before.lastIndexOf(',');
            if (comma >= 0 && Countries.byName(before.substring(comma + 1)).isPresent()) {
                parts.add(before);
                start = m.end();
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The country one institution's address ends in, by the forms above; empty when it names none. */
    static Optional<String> country(String affiliation) {
        String text = clean(affiliation);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Countries.Country> country = Countries.endOf(text);
        String withoutPostcode = TRAILING.matcher(TRAILING_POSTCODE.matcher(text).replaceAll("")).replaceAll("");
        if (country.isEmpty() && !withoutPostcode.equals(text)) {
            country = Countries.endOf(withoutPostcode);
        }
        String last = withoutPostcode.substring(withoutPostcode.lastIndexOf(',') + 1).strip();
        String lastLower = last.toLowerCase(java.util.Locale.ROOT);
        if (country.isEmpty() && NOT_COUNTRIES.stream().noneMatch(lastLower::endsWith)) {
            // "SE-171 77 Stockholm Sweden" has no comma before its country: try its last four, three, two, one words
            // (longest first: "People's Republic of China" before "Republic of China").
            String[] words = WORDS.split(last.replace('-', ' '));
            for (int n = Math.min(4, words.length); n >= 1 && country.isEmpty(); n--) {
                country = Countries.byName(String.join(" ", Arrays.copyOfRange(words, words.length - n, words.length)));
            }
        }
        if (country.isEmpty()) {
            country = acronymsAfter(withoutPostcode);
        }
        if (country.isEmpty()) {
            country = region(text, last);
        }
        if (country.isEmpty() && UK_POSTCODE.matcher(text).find()) {
            country = Countries.byCode("GB");
        }
        if (country.isPresent() && country.get().iso2().equals("GE") && GEORGIA_USA.matcher(text).find()) {
            return Countries.byCode("US").map(Countries.Country::name);
        }
        return country.map(Countries.Country::name);
    }

    /**
     * The country of the region the address ends in ({@code Rochester, MN}, {@code Toronto, ON M5S 1A1}); a region
     * followed by its country's ISO code ({@code Toronto, ON, CA}) is in that country, not in California.
     */
    private static Optional<Countries.Country> region(String text, String last) {
        String[] parts = text.split(",");
        String lastPart = parts[parts.length - 1].strip();
        if (parts.length > 1 && lastPart.matches("[A-Z]{2}")) {
            Optional<String> before = Regions.countryOf(parts[parts.length - 2]);
            if (before.isPresent() && before.get().equals(lastPart)) {
                return Countries.byCode(lastPart);
            }
        }
        return Regions.countryOf(lastPart).or(() -> Regions.countryOf(last)).or(() -> Regions.endingIn(last))
                .flatMap(Countries::byCode);
    }

    /**
     * A country followed only by acronyms of networks or programmes: {@code Oviedo, Spain, ISPA, INEUROPA. CIBERSAM}.
     */
    private static Optional<Countries.Country> acronymsAfter(String text) {
        String[] parts = text.split(",");
        for (int i = parts.length - 2; i >= Math.max(0, parts.length - 4); i--) {
            boolean acronymsOnly = true;
            for (int j = i + 1; j < parts.length; j++) {
                acronymsOnly &= parts[j].strip().matches("(?:[A-Z][A-Z0-9&-]{1,}\\.?\\s*)+");
            }
            if (!acronymsOnly) {
                return Optional.empty();
            }
            Optional<Countries.Country> country = Countries.byName(parts[i]);
            if (country.isPresent()) {
                return country;
            }
        }
        return Optional.empty();
    }

    /**
     * The address without e-mail addresses, links, institution identifiers, the authors' initials, reference marks and
     * the punctuation they leave at its end; "..., Pinehurst - both in North Carolina" becomes "North Carolina".
     */
    static String clean(String affiliation) {
        String text = URL.matcher(affiliation).replaceAll(" ");
        text = EMAIL.matcher(text).replaceAll(" ");
        text = PHONE.matcher(text).replaceAll(" ");
        text = FOOTNOTE.matcher(text).replaceAll("");
        text = IDS.matcher(text).replaceAll(" ");
        text = INITIALS.matcher(text).replaceAll("");
        text = MARK.matcher(text).replaceAll(" ");
        text = TRAILING.matcher(text.strip()).replaceAll("").strip();
        java.util.regex.Matcher both = BOTH_IN.matcher(text);
        return both.matches() ? both.group(1).strip() : text;
    }
}
