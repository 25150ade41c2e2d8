package se.atmp2030.workbook.collect.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per way an affiliation's country is written, each with the form as real PubMed records write it (the
 * labelled real set, AffiliationsOnRealRecordsTest, has most of them many times; the forms it lacks are here too).
 */
class AffiliationFormsTest {
    @Test
    void aUsStateCodeEndsTheAffiliation() {
        assertThat(Affiliations.country("Department of Neurology, The Ohio State University, Columbus, OH.")).contains("United States");
        assertThat(Affiliations.country("Mayo Clinic, Rochester, MN")).contains("United States");
        assertThat(Affiliations.country("Division of Hematology, Ohio State University, Columbus, OH 43210")).contains("United States");
        assertThat(Affiliations.country("Dana-Farber Cancer Institute, Boston MA 02215")).contains("United States");
        assertThat(Affiliations.country("Department of Medicine, University of Chicago, Chicago IL, 60637.")).contains("United States");
    }

    @Test
    void aUsStateNameEndsTheAffiliation() {
        assertThat(Affiliations.country("Albert Einstein College of Medicine, Bronx, New York.")).contains("United States");
        assertThat(Affiliations.country("Department of Physical Medicine, Ohio State University, Columbus Ohio.")).contains("United States");
        assertThat(Affiliations.country("Emory University School of Medicine, Atlanta, Georgia.")).as("the state, not the country")
                .contains("United States");
        assertThat(Affiliations.country("Duke Cancer Institute, Durham (D.M.B.), and First Health, Pinehurst (C.K.) - both in North Carolina"))
                .contains("United States");
    }

    @Test
    void aCanadianProvinceEndsTheAffiliation() {
        assertThat(Affiliations.country("University of Toronto, Toronto, ON M5S 1A1")).contains("Canada");
        assertThat(Affiliations.country("McGill University, Montreal, Quebec.")).contains("Canada");
        assertThat(Affiliations.country("University of Toronto, M5S 1A1, Toronto, ON, CA.")).as("CA after a province is Canada")
                .contains("Canada");
        assertThat(Affiliations.country("University of British Columbia, Vancouver, BC.")).contains("Canada");
    }

    @Test
    void anAustralianStateEndsTheAffiliation() {
        assertThat(Affiliations.country("Westmead Hospital, Sydney, NSW 2145.")).contains("Australia");
        assertThat(Affiliations.country("Curtin University, Bentley, WA 6102")).as("WA and four digits: Western Australia")
                .contains("Australia");
        assertThat(Affiliations.country("University of Washington, Seattle, WA 98195")).as("WA and a ZIP code: Washington")
                .contains("United States");
        assertThat(Affiliations.country("Royal Melbourne Hospital, Melbourne, Victoria.")).contains("Australia");
        assertThat(Affiliations.country("Hospital Universitario Virgen de la Victoria, Málaga")).as("a name, not the state")
                .isEmpty();
    }

    @Test
    void theCountryInItsOwnLanguage() {
        assertThat(Affiliations.country("Dipartimento di Medicina, Università di Padova, Padova, Italia.")).contains("Italy");
        assertThat(Affiliations.country("Karolinska Universitetssjukhuset, Stockholm, Sverige")).contains("Sweden");
        assertThat(Affiliations.country("Helsingin yliopisto, Helsinki, Suomi")).contains("Finland");
        assertThat(Affiliations.country("Rigshospitalet, København, Danmark")).contains("Denmark");
        assertThat(Affiliations.country("Oslo universitetssykehus, Oslo, Norge")).contains("Norway");
        assertThat(Affiliations.country("Universität Heidelberg, Heidelberg, Deutschland")).contains("Germany");
        assertThat(Affiliations.country("Hospital Clínic, Barcelona, España.")).contains("Spain");
        assertThat(Affiliations.country("Hospital Nacional Dos de Mayo, Lima, Perú.")).as("accents ignored").contains("Peru");
        assertThat(Affiliations.country("Augenabteilung, Universitätskrankenhaus Maribor, Maribor, Slowenien.")).contains("Slovenia");
        assertThat(Affiliations.country("Universidad de Rochester, Rochester, Nueva York, Estados Unidos de Norteamérica."))
                .contains("United States");
    }

    @Test
    void olderAndLongerNamesOfCountries() {
        assertThat(Affiliations.country("Comenius University, Bratislava, Slovak Republic.")).contains("Slovakia");
        assertThat(Affiliations.country("Charles University, Prague, Czech Republic.")).contains("Czechia");
        assertThat(Affiliations.country("Seoul National University, Seoul, Republic of Korea.")).contains("South Korea");
        assertThat(Affiliations.country("Yonsei University, Seoul, Korea.")).contains("South Korea");
        assertThat(Affiliations.country("Peking University, Beijing, People's Republic of China.")).contains("China");
        assertThat(Affiliations.country("Peking University, Beijing People's Republic of China")).as("no comma before it")
                .contains("China");
    }

    @Test
    void taiwanInEveryFormIsTaiwanNotChina() {
        for (String form : List.of("Taiwan", "Taiwan, ROC", "Taiwan, R.O.C.", "Taiwan, Republic of China",
                "Taiwan (ROC)", "Taiwan ROC", "Republic of China", "Taiwan, Province of China")) {
            assertThat(Affiliations.country("National Taiwan University Hospital, Taipei, " + form + ".")).as(form)
                    .contains("Taiwan");
        }
    }

    @Test
    void referenceMarksEmailAddressesAndPostcodesAfterTheCountry() {
        assertThat(Affiliations.country("Institute of Child Health, London, UK. [3].")).contains("United Kingdom");
        assertThat(Affiliations.country("Karolinska Institutet, Stockholm, Sweden. Electronic address: a.b@ki.se."))
                .contains("Sweden");
        assertThat(Affiliations.country("Karolinska Institutet, Stockholm, Sweden a.b@ki.se")).contains("Sweden");
        assertThat(Affiliations.country("Chi-Mei Medical Center, Tainan, 710 Taiwan. GRID: grid.413876.f. ISNI: 0000 0004 0572 9255"))
                .contains("Taiwan");
        assertThat(Affiliations.country("Beijing Hospital, Beijing, China 100730")).contains("China");
        assertThat(Affiliations.country("King's College London, London, UK, SE1 3QD.")).contains("United Kingdom");
        assertThat(Affiliations.country("Wolfson Centre, King's College London, London SE1 1UL")).as("a British postcode")
                .contains("United Kingdom");
        assertThat(Affiliations.country("National University Hospital, Singapore 119228, Email: a@nuhs.edu.sg, Telephone "
                + "number: +65 6779 5555, ORCID iD: 0000-0002-9032-0184.")).contains("Singapore");
        assertThat(Affiliations.country("Biomedical Informatics, The Ohio State University, Columbus, OH 43210, USA*Co-first "
                + "author")).contains("United States");
    }

    @Test
    void severalInstitutionsOnOneLineEachGiveTheirCountry() {
        assertThat(Affiliations.countries(List.of("Karolinska Institutet, Stockholm, Sweden; Mayo Clinic, Rochester, MN")))
                .containsExactly("Sweden", "United States");
        assertThat(Affiliations.countries(List.of("1] BGI-Shenzhen, Shenzhen 518083, China [2] University of Copenhagen, "
                + "2200 Copenhagen, Denmark"))).containsExactly("China", "Denmark");
        assertThat(Affiliations.countries(List.of("*Keck School of Medicine, Los Angeles, CA daggerUniversity of Toronto, "
                + "Toronto, ON double daggerKarolinska Institutet, Stockholm, Sweden")))
                .containsExactly("Canada", "Sweden", "United States");
        assertThat(Affiliations.countries(List.of("Universidad Cayetano Heredia, Lima 31, Perú Department of Microbiology, "
                + "UNAM, Cuernavaca, México."))).containsExactly("Mexico", "Peru");
    }

    @Test
    void anAffiliationThatNamesNoCountryGetsNone() {
        assertThat(Affiliations.country("Department of Clinical Neuroscience, Karolinska Institutet, Stockholm (X.J.)")).isEmpty();
        assertThat(Affiliations.country("https://orcid.org/0000-0001-5984-3270.")).isEmpty();
        assertThat(Affiliations.country("Department of Internal Medicine.")).isEmpty();
    }
}
