package se.atmp2030.workbook.collect.publications;

import static org.assertj.core.api.Assertions.assertThat;
import static se.atmp2030.workbook.CollectHarness.column;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.population.PopulationModule;

class PublicationsAndPopulationTest {
    private static final Path FIXTURE = Path.of("src/test/resources/collect/publications");

    @Test
    void medlineRecordsCountOncePerCountryOfTheirAffiliations() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new PublicationsModule());
        assertThat(result.messages()).isEmpty();
        Table publications = result.table("publications");
        assertThat(column(publications, "pmid")).containsExactly("38000001", "38000001", "38000002", "38000002");
        assertThat(column(publications, "country")).as("e-mail addresses and ';'-joined affiliations handled")
                .containsExactly("Denmark", "Sweden", "United Kingdom", "United States");
        assertThat(column(publications, "year")).as("the year is the first four digits of DP")
                .containsExactly(2022L, 2022L, 1969L, 1969L);
        assertThat(column(publications, "europe")).containsExactly(true, true, true, false);
        assertThat(column(publications, "title").get(0)).isEqualTo(
                "CAR T-cell therapy in relapsed lymphoma: a long title that MEDLINE folds onto a second line.");
        assertThat(result.dataset("publications").provenance().notes()).containsExactly(
                "1 publications without a recognisable country in their affiliations left out",
                "1 publications found twice (same PMID) counted once, 1 of them in two revisions (LR): the first read "
                        + "kept");
    }

    @Test
    void affiliationCountries() {
        assertThat(Affiliations.country("Karolinska Institutet, SE-171 77 Stockholm Sweden.")).contains("Sweden");
        assertThat(Affiliations.country("Zhejiang University, Hangzhou, P.R. China")).contains("China");
        assertThat(Affiliations.country("Dept of Medicine, Karolinska Institutet")).isEmpty();
        assertThat(Affiliations.country("Children's Hospital, Westmead, Sydney, New South Wales.")).as("not Wales")
                .contains("Australia");
        assertThat(Affiliations.country("Brown University, Providence, Rhode Island.")).as("not Iceland")
                .contains("United States");
        assertThat(Affiliations.country("Emory University School of Medicine, Atlanta, Georgia.")).contains("United States");
        assertThat(Affiliations.country("Tbilisi State Medical University, Tbilisi, Georgia.")).contains("Georgia");
        assertThat(Affiliations.country("Yerevan State Medical University, Yerevan, Armenia. a.b@ysmu.am"))
                .contains("Armenia");
    }

    @Test
    void eurostatKeepsTotalsOfCountriesWithTheirFlags() {
        CollectHarness.Result result = CollectHarness.collect(FIXTURE, new PopulationModule());
        assertThat(result.messages()).isEmpty();
        Table population = result.table("population");
        assertThat(column(population, "country")).containsExactly("Greece", "Greece", "Greece", "Sweden", "Sweden", "Sweden");
        assertThat(column(population, "country_code")).as("Eurostat's own codes are kept").contains("EL");
        assertThat(column(population, "population")).containsExactly(10432481L, 10413982L, 10397193L, 10452326L,
                10521556L, 10551707L);
        assertThat(column(population, "flag")).containsExactly(null, null, "p", null, null, "p");
        assertThat(result.dataset("population").provenance().notes())
                .containsExactly("1 rows of other breakdowns (by age, by sex, other units) left out: only the total "
                        + "population is used", "rows of groups of countries or parts of one left out: EU27_2020");
    }

    @Test
    void everyAffiliationWithoutACountryIsListedForReview() {
        CollectHarness.Result result = CollectHarness.collect(Path.of("src/test/resources/collect/affiliations-review"),
                new PublicationsModule());
        assertThat(result.messages()).isEmpty();
        Table publications = result.table("publications");
        assertThat(column(publications, "pmid")).containsExactly("30501481", "30501481");
        assertThat(column(publications, "country")).containsExactly("Canada", "United States");
        Table review = result.table("affiliations_review");
        assertThat(column(review, "pmid")).containsExactly("7898110", "30501481");
        assertThat(column(review, "affiliation")).containsExactly("University of Iowa Hospitals and Clinics, Iowa City.",
                "From Ohio State University Comprehensive Cancer Center, Columbus (J.A.W., A.S.R., N.A.H., W.Z., K.A.R., "
                        + "G.L., J.S.B., H.G.O., J.C.B.)");
        assertThat(column(review, "publication_counted")).as("the first counts for no country, the second for two")
                .containsExactly(false, true);
        assertThat(result.dataset("publications").provenance().notes()).containsExactly(
                "1 publications without a recognisable country in their affiliations left out",
                "2 affiliations name no country, state or province (a city or an institution alone): each is listed on "
                        + "data_affiliations_review, with whether its publication counts anyway");
    }
}
