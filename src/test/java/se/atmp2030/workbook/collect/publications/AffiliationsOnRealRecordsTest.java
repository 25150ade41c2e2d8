package se.atmp2030.workbook.collect.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The country of real PubMed affiliations (src/test/resources/collect/affiliations, taken from twelve MEDLINE exports
 * saved in public repositories: exports-provenance.tsv names each), against labels a person wrote by reading each one,
 * with a one-line rationale: 889 distinct affiliations chosen to cover the hard forms (US states and their codes,
 * Canadian provinces, Australian states, Taiwan in every form, native names, postcodes, e-mail addresses, numbered and
 * semicolon-separated institutions). Then every record of the exports: none loses all its countries unless its
 * affiliations name none.
 */
class AffiliationsOnRealRecordsTest {
    private static final Path DIR = Path.of("src/test/resources/collect/affiliations");
    /** A territory written with its sovereign ("Hong Kong, China") counts as the sovereign, as the registries do. */
    private static final Map<String, String> WRITTEN_WITH = Map.of("Hong Kong", "China", "Macao", "China",
            "Puerto Rico", "United States");

    record Label(String pmid, String affiliation, String country, Set<String> all, String rationale) {
        /** No country, state or province is written: a city or a name settles it for a person, not for the rules. */
        boolean placeOnly() {
            return rationale.startsWith("no country written") || rationale.startsWith("no country or state written")
                    || rationale.startsWith("no separate country field");
        }
    }

    @Test
    void everyLabelledAffiliationGetsItsCountries() throws IOException {
        List<Label> labels = labels();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(800);
        List<String> wrong = new ArrayList<>();
        int placeOnly = 0;
        int placeOnlyFound = 0;
        for (Label label : labels) {
            Set<String> got = Affiliations.countries(List.of(label.affiliation()));
            // The labels' English short names, as the tool's country list spells them (Turkey is Türkiye there).
            Set<String> expected = new TreeSet<>();
            label.all().forEach(c -> expected.add(se.atmp2030.workbook.collect.Countries.byName(c)
                    .map(se.atmp2030.workbook.collect.Countries.Country::name).orElse(c)));
            WRITTEN_WITH.forEach((territory, sovereign) -> {
                if (expected.contains(territory) && expected.contains(sovereign)) {
                    expected.remove(territory);
                }
            });
            if (label.placeOnly()) {
                // No country, state or province is written: the tool does not guess from a city; it lists the
                // affiliation for review. It must never name another country.
                placeOnly++;
                if (!got.isEmpty()) {
                    placeOnlyFound++;
                    if (!expected.containsAll(got)) {
                        wrong.add(label.affiliation() + " -> " + got + ", expected " + expected + " or none ("
                                + label.rationale() + ")");
                    }
                }
                continue;
            }
            if (!got.equals(expected)) {
                wrong.add(label.affiliation() + " -> " + got + ", expected " + expected + " (" + label.rationale() + ")");
            }
        }
        System.out.printf("Affiliations: %d labelled, %d wrong; %d name a city only (%d of them placed anyway)%n",
                labels.size(), wrong.size(), placeOnly, placeOnlyFound);
        assertThat(wrong).as("affiliations whose countries are not the labelled ones").isEmpty();
    }

    /** The records of the exports whose affiliations the tool finds no country in, each looked at by a person. */
    private static final Map<String, String> NO_COUNTRY_WRITTEN = new LinkedHashMap<>();

    static {
        NO_COUNTRY_WRITTEN.put("1309107", "Austin and a ZIP code only");
        NO_COUNTRY_WRITTEN.put("1482943", "a hospital name only (LDS Hospital)");
        NO_COUNTRY_WRITTEN.put("2203497", "Urbana and a ZIP code only");
        NO_COUNTRY_WRITTEN.put("3420281", "Philadelphia and a ZIP code only");
        NO_COUNTRY_WRITTEN.put("7703939", "Indianapolis and a ZIP code only");
        NO_COUNTRY_WRITTEN.put("7734710", "a hospital name only");
        NO_COUNTRY_WRITTEN.put("7863906", "Seattle and a ZIP code only");
        NO_COUNTRY_WRITTEN.put("7898110", "Iowa City, the city only");
        NO_COUNTRY_WRITTEN.put("7992756", "Ann Arbor and a ZIP code only");
        NO_COUNTRY_WRITTEN.put("8018899", "a hospital name only");
        NO_COUNTRY_WRITTEN.put("8208335", "a hospital and Limoges only");
        NO_COUNTRY_WRITTEN.put("9690155", "a street and Lyon only");
        NO_COUNTRY_WRITTEN.put("10106268", "a US hospital and the city Chicago only");
        NO_COUNTRY_WRITTEN.put("10139674", "Seattle and a ZIP code only; no state or country");
        NO_COUNTRY_WRITTEN.put("10997092", "a hospital in Bergen, the city only");
        NO_COUNTRY_WRITTEN.put("11197836", "a hospital name only (Nagoya Daini Red Cross Hospital)");
        NO_COUNTRY_WRITTEN.put("12166085", "Osaka and a postcode only");
        NO_COUNTRY_WRITTEN.put("12610445", "a hospital of Nice and a département number only");
        NO_COUNTRY_WRITTEN.put("15227558", "Odense, the city only (the university's name holds Denmark, not its address)");
        NO_COUNTRY_WRITTEN.put("15704391", "London, the city only");
        NO_COUNTRY_WRITTEN.put("15718560", "a company name only");
        NO_COUNTRY_WRITTEN.put("15869211", "a university name only");
        NO_COUNTRY_WRITTEN.put("15871176", "Taiwan only inside the university's name");
        NO_COUNTRY_WRITTEN.put("15915333", "a university name and Heidelberg only");
        NO_COUNTRY_WRITTEN.put("16003566", "an association and Eschborn only");
        NO_COUNTRY_WRITTEN.put("16385785", "a pharmacy and a French town only");
        NO_COUNTRY_WRITTEN.put("17039928", "Beijing and a postcode only");
        NO_COUNTRY_WRITTEN.put("17039943", "a university and a postcode only");
        NO_COUNTRY_WRITTEN.put("17053824", "a hospital and Callao only");
        NO_COUNTRY_WRITTEN.put("17431436", "a title and Arequipa only");
        NO_COUNTRY_WRITTEN.put("17970178", "a hospital and Ferrara only");
        NO_COUNTRY_WRITTEN.put("18183280", "a hospital and Callao only");
        NO_COUNTRY_WRITTEN.put("18282457", "a Danish region's name and Aalborg only");
        NO_COUNTRY_WRITTEN.put("18510408", "an organisation name only");
        NO_COUNTRY_WRITTEN.put("19288653", "an e-mail address only");
        NO_COUNTRY_WRITTEN.put("20077922", "an organisation name only");
        NO_COUNTRY_WRITTEN.put("20169528", "a university department and Konstanz only");
        NO_COUNTRY_WRITTEN.put("21593955", "a hospital and Bologna only");
        NO_COUNTRY_WRITTEN.put("21818870", "an e-mail address only");
        NO_COUNTRY_WRITTEN.put("21938318", "a street and London only");
        NO_COUNTRY_WRITTEN.put("22288356", "a society and Poitiers only");
        NO_COUNTRY_WRITTEN.put("22345222", "Barcelona, the city only");
        NO_COUNTRY_WRITTEN.put("22382213", "a university name only");
        NO_COUNTRY_WRITTEN.put("22452136", "an e-mail address only");
        NO_COUNTRY_WRITTEN.put("22781996", "London, the city only");
        NO_COUNTRY_WRITTEN.put("23289349", "a hospital and a postcode only");
        NO_COUNTRY_WRITTEN.put("23488658", "a division's name only");
        NO_COUNTRY_WRITTEN.put("24217880", "a hospital and Marburg only");
        NO_COUNTRY_WRITTEN.put("25031288", "a placeholder: the affiliations are at the end of the article");
        NO_COUNTRY_WRITTEN.put("25678431", "a university's cancer centre, its name only");
        NO_COUNTRY_WRITTEN.put("26917735", "a university name only");
        NO_COUNTRY_WRITTEN.put("31060348", "a university and Shenyang only");
        NO_COUNTRY_WRITTEN.put("31506398", "a hospital name only");
        NO_COUNTRY_WRITTEN.put("35654594", "Stockholm and the US National Institute on Aging, cities and names only");
        NO_COUNTRY_WRITTEN.put("37076310", "a hospital and Chengdu only");
        NO_COUNTRY_WRITTEN.put("37503019", "university names only");
        NO_COUNTRY_WRITTEN.put("37790454", "a university name with Houston in it only");
    }

    @Test
    void noRecordOfTheRealExportsLosesItsCountryToTheWayItsAddressIsWritten() throws IOException {
        Map<String, List<String>> records = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(DIR.resolve("pubmed-affiliations.tsv.gz"))), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split("\t", -1);
                records.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells[2]);
            }
        }
        Map<String, Set<String>> noCountry = new TreeMap<>();
        for (Map.Entry<String, List<String>> record : records.entrySet()) {
            if (Affiliations.countries(record.getValue()).isEmpty()) {
                noCountry.put(record.getKey(), new LinkedHashSet<>(record.getValue()));
            }
        }
        System.out.printf("Records: %d with affiliations, %d with no country found%n", records.size(), noCountry.size());
        noCountry.forEach((pmid, ads) -> System.out.println("  " + pmid + " " + ads));
        assertThat(noCountry.keySet()).as("records without a country are those whose affiliations name none")
                .isSubsetOf(NO_COUNTRY_WRITTEN.keySet());
        assertThat(noCountry).as("and the list holds no record that now gets a country").hasSameSizeAs(NO_COUNTRY_WRITTEN);
    }

    private static List<Label> labels() throws IOException {
        List<Label> labels = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("labelled-affiliations.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            Set<String> all = c[4].equals("none") || c[4].isEmpty() ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(c[4].split("\\|")));
            labels.add(new Label(c[0], c[2], c[3], all, c[5]));
        }
        return labels;
    }
}
