package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.collect.population.PopulationModule;
import se.atmp2030.workbook.collect.publications.PublicationsModule;

/**
 * PubMed and Eurostat files as the analysts save them, from fixtures written after real exports: MEDLINE with Windows
 * line ends, the same search saved in the formats that have no affiliations, Eurostat's custom extracts and older bulk
 * files, and another Eurostat dataset put in by mistake.
 */
class RegistryFormsTest {
    private static final Path FORMS = Path.of("src/test/resources/collect/registry-forms");

    @Test
    void medlineWithCrlfLineEndsIsReadRecordByRecord() {
        CollectHarness.Result result = CollectHarness.collect(FORMS.resolve("medline-crlf"), new PublicationsModule());
        assertThat(result.messages()).isEmpty();
        Table publications = result.table("publications");
        assertThat(column(publications, "pmid")).containsExactly("38100001", "38100001", "38100002", "38100002");
        assertThat(column(publications, "country")).containsExactly("Italy", "Sweden", "Denmark", "United States");
        assertThat(column(publications, "year")).as("DP 2024 Jan 3 and 2023 Jan-Dec")
                .containsExactly(2024L, 2024L, 2023L, 2023L);
        assertThat(column(publications, "title").get(0)).as("a title continued on the next line, CR removed")
                .isEqualTo("Lentiviral gene therapy for metachromatic leukodystrophy: long-term follow-up of a Swedish cohort.");
    }

    @Test
    void pubmedSavedAsAbstractTextIsNotMedlineAndSaysHowToSaveIt() {
        assertThat(CollectHarness.collect(FORMS.resolve("medline-abstract-text"), new PublicationsModule()).messages())
                .containsExactly("inputs/publications/pubmed_result.txt: is not in MEDLINE format: it looks like PubMed's "
                        + "\"Abstract (text)\" or \"Summary (text)\" format, which has no tagged fields (in PubMed, use Save, "
                        + "Format: PubMed, and put that file here instead)");
    }

    @Test
    void pubmedSavedAsCsvIsNotMedlineEither() {
        assertThat(CollectHarness.collect(FORMS.resolve("medline-csv"), new PublicationsModule()).messages())
                .containsExactly("inputs/publications/csv-atmp-set.csv: is not in MEDLINE format: it looks like PubMed's "
                        + "CSV, which has no affiliations (in PubMed, use Save, Format: PubMed, and put that file here instead)");
    }

    @Test
    void eurostatCustomExtractKeepsEveryEuropeanCountryAndTellsAggregatesFromUnknownCodes() {
        CollectHarness.Result result = CollectHarness.collect(FORMS.resolve("eurostat-custom"), new PopulationModule());
        assertThat(result.messages()).isEmpty();
        Table population = result.table("population");
        assertThat(column(population, "country_code")).containsExactly("AM", "AM", "AM", "AZ", "AZ", "GE", "GE", "GE",
                "XK", "XK", "SE", "SE", "SE");
        assertThat(column(population, "country")).contains("Armenia", "Azerbaijan", "Georgia", "Kosovo", "Sweden");
        assertThat(column(population, "flag")).containsExactly(null, null, "p", null, null, null, null, "b", null, null,
                null, null, null);
        assertThat(column(population, "population").get(2)).as("\"2977000 p \": the flag and the space after it go")
                .isEqualTo(2977000L);
        assertThat(result.dataset("population").provenance().notes()).containsExactly(
                "1 rows of other breakdowns (by age, by sex, other units) left out: only the total population is used",
                "rows of groups of countries or parts of one left out: DE_TOT, EA20, EU27_2020, FX",
                "inputs/population: geo codes that are not countries the tool knows were left out: QQ");
        assertThat(result.warnings()).extracting(Problem::toString).containsExactly(
                "inputs/population: geo codes that are not countries the tool knows were left out: QQ");
        for (String code : List.of("AM", "AZ", "GE", "XK")) {
            assertThat(Countries.byCode(code).orElseThrow().europe()).as(code + " is in the Council of Europe or Kosovo")
                    .isTrue();
        }
    }

    @Test
    void aHeadCountWrittenWithAZeroFractionIsThatWholeNumber() {
        CollectHarness.Result result = CollectHarness.collect(FORMS.resolve("eurostat-decimals"), new PopulationModule());
        assertThat(result.messages()).isEmpty();
        Table population = result.table("population");
        assertThat(column(population, "country_code")).containsExactly("LI", "LI", "LI", "SM", "SM", "SE", "SE", "SE",
                "IS", "IS", "IS");
        assertThat(column(population, "population")).as("39055.0 is 39055, and so on; \": \" is missing")
                .containsExactly(39055L, 39308L, 39584L, 33745L, 33660L, 10379295L, 10452326L, 10521556L, 368792L,
                        376248L, 387758L);
        assertThat(column(population, "flag")).containsExactly(null, null, "p", null, null, null, null, null, null, null,
                "b");
    }

    @Test
    void aHeadCountWithAnotherFractionIsAProblemWithItsLineAndColumn() {
        assertThat(CollectHarness.collect(FORMS.resolve("eurostat-fraction"), new PopulationModule()).messages())
                .containsExactly("inputs/population/demo_pjan.tsv:3: column \"2022\": \"39308.5\" is not a whole number "
                        + "of persons (expected a whole head count such as 76875, or 76875.0 as Eurostat sometimes writes "
                        + "it)");
    }

    @Test
    void theOlderBulkFileWithGeoTimeAndYearsNewestFirst() {
        CollectHarness.Result result = CollectHarness.collect(FORMS.resolve("eurostat-bulk-old"), new PopulationModule());
        assertThat(result.messages()).isEmpty();
        Table population = result.table("population");
        assertThat(column(population, "year")).containsExactly(2020L, 2019L, 2020L, 2019L);
        assertThat(column(population, "country")).containsExactly("Sweden", "Sweden", "Greece", "Greece");
        assertThat(column(population, "population")).containsExactly(10327589L, 10230185L, 10718565L, 10724599L);
    }

    @Test
    void anotherEurostatDatasetIsRefusedNamingTheDimensionsItHas() {
        assertThat(CollectHarness.collect(FORMS.resolve("eurostat-wrong"), new PopulationModule()).messages())
                .containsExactly("inputs/population/nama_10_gdp.tsv:1: is not the population dataset demo_pjan: its "
                        + "dimensions are freq, unit, na_item, geo, without age, sex (expected freq, unit, age, sex, geo: "
                        + "download demo_pjan, Population on 1 January, as TSV)");
    }
}
