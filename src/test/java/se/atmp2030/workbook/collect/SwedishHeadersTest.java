package se.atmp2030.workbook.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.CollectHarness;
import se.atmp2030.workbook.TestInputs;
import se.atmp2030.workbook.collect.cart.CarTInfusionsModule;
import se.atmp2030.workbook.collect.companies.CompaniesModule;
import se.atmp2030.workbook.collect.jobs.JobPostingsModule;
import se.atmp2030.workbook.collect.patients.PatientsTreatedModule;
import se.atmp2030.workbook.collect.recommendations.RecommendationsModule;

/**
 * Every analyst CSV with every header in Swedish, as a Swedish Excel user writes them, gives the very tables the
 * English headers give.
 */
class SwedishHeadersTest {
    /** The Swedish headers, written here independently of the tool's alias table. */
    private static final Map<String, String> SWEDISH = Map.ofEntries(
            Map.entry("Organisation number", "Organisationsnummer"), Map.entry("Company", "Företag"),
            Map.entry("City", "Ort"), Map.entry("Region", "Län"), Map.entry("Founded", "Grundat"),
            Map.entry("SME", "SMF"), Map.entry("ATMP category", "ATMP-kategori"), Map.entry("Modality", "Modalitet"),
            Map.entry("Development stage", "Utvecklingsfas"), Map.entry("Year", "År"), Map.entry("Centre", "Sjukhus"),
            Map.entry("Product", "Produkt"), Map.entry("Indication", "Indikation"),
            Map.entry("Infusions", "Antal infusioner"), Map.entry("Patients", "Antal patienter"),
            Map.entry("ATMP type", "ATMP-typ"), Map.entry("Status", "Beslut"), Map.entry("Decision date", "Beslutsdatum"),
            Map.entry("Substance", "Substans"), Map.entry("Body", "Instans"), Map.entry("Id", "Annons-id"),
            Map.entry("Publication date", "Publiceringsdatum"), Map.entry("Country", "Land"),
            Map.entry("Employer", "Arbetsgivare"), Map.entry("Title", "Rubrik"), Map.entry("Source", "Källa"));

    private static final List<String> FILES = List.of("companies/atmp-developers.csv", "companies/employees.csv",
            "job-postings/nordic-postings.csv", "cart/cart-infusions.csv", "patients/patients-treated.csv",
            "recommendations/nt-radet-assessments.csv");

    @Test
    void everyColumnOfEveryAnalystTableAcceptsItsSwedishHeader(@TempDir Path inputs) throws IOException {
        TestInputs.copyTree(TestInputs.BUNDLED, inputs);
        for (String file : FILES) {
            toSwedish(inputs.resolve(file));
        }
        CollectHarness.Result english = collect(TestInputs.BUNDLED);
        CollectHarness.Result swedish = collect(inputs);
        assertThat(swedish.messages()).isEmpty();
        for (String table : List.of("companies", "employees", "job_postings", "cart_infusions", "patients_treated",
                "recommendations")) {
            assertThat(rows(swedish.table(table))).as(table).isNotEmpty().isEqualTo(rows(english.table(table)));
        }
    }

    private static CollectHarness.Result collect(Path inputs) {
        return CollectHarness.collect(inputs, new CompaniesModule(), new JobPostingsModule(), new CarTInfusionsModule(),
                new PatientsTreatedModule(), new RecommendationsModule());
    }

    private static List<List<Object>> rows(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        table.rows().forEach(row -> rows.add(Arrays.asList(row)));
        return rows;
    }

    /** Rewrites the header row in Swedish, keeping the file's encoding, byte order mark and delimiter. */
    private static void toSwedish(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        String text = new String(bytes, charset);
        boolean bom = text.startsWith("\uFEFF");
        String body = bom ? text.substring(1) : text;
        int end = body.indexOf('\n');
        String header = body.substring(0, end).replace("\r", "");
        String delimiter = header.contains(";") ? ";" : ",";
        List<String> swedish = new ArrayList<>();
        for (String name : header.split(delimiter)) {
            swedish.add(name.matches("\\d{4}") ? name : SWEDISH.getOrDefault(name, "?" + name));
        }
        assertThat(swedish).as("every header of " + file + " has a Swedish name here").noneMatch(n -> n.startsWith("?"));
        String carriageReturn = body.substring(0, end).endsWith("\r") ? "\r" : "";
        String rewritten = (bom ? "\uFEFF" : "") + String.join(delimiter, swedish) + carriageReturn + body.substring(end);
        Files.write(file, rewritten.getBytes(charset));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
