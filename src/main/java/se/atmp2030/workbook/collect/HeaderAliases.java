package se.atmp2030.workbook.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of other headers accepted for the columns of the analysts' CSVs: Swedish headers as Swedish Excel users
 * write them ({@code Organisationsnummer}, {@code Företag}, {@code År}) and English variants. Every column looked up by
 * name in a CSV ({@link CsvSource#has}, {@link InputRecord#required}, ...) accepts its aliases here; matching ignores
 * case, spaces and punctuation.
 */
public final class HeaderAliases {
    private static final Map<String, List<String>> ALIASES = new HashMap<>();

    static {
        alias("Organisation number", "Organization number", "Org number", "Org nr", "Org.nr", "Orgnr",
                "Organisationsnummer", "Organisationsnr");
        alias("Company", "Name", "Company name", "Företag", "Företagsnamn", "Bolag", "Namn");
        alias("City", "Town", "Ort", "Stad", "Postort");
        alias("Region", "County", "Län");
        alias("Founded", "Year founded", "Grundat", "Grundår", "Registreringsår");
        alias("SME", "SMF", "Små och medelstora företag", "SMB");
        alias("ATMP category", "Category", "ATMP-kategori", "Kategori", "ATMP-klass");
        alias("Modality", "Modalitet", "Terapiform", "Behandlingsform");
        alias("Development stage", "Stage", "Utvecklingsfas", "Utvecklingsstadium", "Fas");
        alias("Year", "År", "Årtal");
        alias("Centre", "Center", "Hospital", "Clinic", "Sjukhus", "Klinik", "Behandlande enhet", "Vårdgivare");
        alias("Product", "Produkt", "Läkemedel", "Preparat", "Handelsnamn");
        alias("Indication", "Indikation", "Diagnos");
        alias("Infusions", "Number of infusions", "Antal", "Infusioner", "Antal infusioner", "Antal behandlingar");
        alias("Patients", "Number of patients", "Antal patienter", "Patienter", "Antal behandlade");
        alias("ATMP type", "Type", "Typ", "ATMP-typ", "Läkemedelstyp");
        alias("Status", "Beslut", "Rekommendation", "Utfall");
        alias("Decision date", "Date", "Beslutsdatum", "Datum", "Beslutsdag");
        alias("Substance", "Active substance", "Substans", "Aktiv substans", "Generiskt namn");
        alias("Body", "Council", "Instans", "Beslutande instans", "Myndighet");
        alias("Id", "Ad id", "Annons-id", "Annonsid", "Annonsnummer", "Referens");
        alias("Publication date", "Published", "Date", "Publiceringsdatum", "Publicerad", "Datum");
        alias("Country", "Land");
        alias("Employer", "Company", "Arbetsgivare", "Företag");
        alias("Title", "Headline", "Job title", "Titel", "Rubrik", "Yrkestitel", "Tjänst");
        alias("Source", "Job board", "Källa", "Jobbsajt");
    }

    private HeaderAliases() {
    }

    private static void alias(String header, String... others) {
        ALIASES.put(Values.fold(header), List.of(others));
    }

    /** The header and its aliases, the header first. */
    public static List<String> names(String header) {
        List<String> names = new ArrayList<>();
        names.add(header);
        names.addAll(ALIASES.getOrDefault(Values.fold(header), List.of()));
        return names;
    }

    /** The aliases of a header, for the documentation. */
    public static List<String> of(String header) {
        return ALIASES.getOrDefault(Values.fold(header), List.of());
    }
}
