package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            Seoul St Mary's Hospital, Seoul, Seo Ch-gu, 137-701, Korea, Republic of;   South Korea
            Tehran, Iran, Islamic Republic of;                                          Iran
            Chisinau, Moldova, Republic of;                                             Moldova
            Ramallah, Palestinian Territories, Occupied;                                Palestine
            Kinshasa, Congo, The Democratic Republic of the;                            Democratic Republic of the Congo
            Skopje, Macedonia, The Former Yugoslav Republic of;                         North Macedonia
            Istanbul, 34093, Turkey (Türkiye);                                          Türkiye
            Abidjan, Côte d’Ivoire;                                                     Côte d'Ivoire
            Emory University, Atlanta, Georgia, 30322, United States;                  United States
            LTD Health, Batumi, Georgia;                                                Georgia
            Pristina, Kosovo;                                                           Kosovo
            Karolinska University Hospital, Stockholm, 171 76, Sweden;                 Sweden
            Prince of Wales Hospital, Hong Kong, China;                                China
            """)
    void aLocationEndsInItsCountryCommasInsideTheNameIncluded(String location, String country) {
        assertThat(Countries.endOf(location).map(Countries.Country::name)).contains(country);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            Pfizer Investigational Site
            Roth
            Research Site, Springfield
            """)
    void aLocationWithoutACountryHasNone(String location) {
        assertThat(Countries.endOf(location)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            EU27_2020, true
            EU28,      true
            EA20,      true
            EEA30_2007,true
            EFTA,      true
            DE_TOT,    true
            FX,        true
            AM,        false
            XK,        false
            SE,        false
            """)
    void eurostatAggregatesAreToldFromCountries(String code, boolean aggregate) {
        assertThat(Countries.isAggregate(code)).isEqualTo(aggregate);
    }
}
