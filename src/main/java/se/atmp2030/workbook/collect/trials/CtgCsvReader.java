package se.atmp2030.workbook.collect.trials;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.CsvDialect;
import se.atmp2030.workbook.collect.CsvSource;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Values;

/**
 * The ClinicalTrials.gov CSV download ({@code ctg-studies.csv}): columns found by their header, in any choice and order,
 * as users pick them on the site. The retired classic download ({@code SearchResults.csv}) is told apart and refused
 * with what to do.
 */
final class CtgCsvReader {
    /** The columns without which a study cannot be classified or flagged, and why each is needed. */
    static final Map<String, String> REQUIRED = new java.util.LinkedHashMap<>();

    static {
        REQUIRED.put("NCT Number", "the study's identifier");
        REQUIRED.put("Study Status", "which trials are active");
        REQUIRED.put("Interventions", "the ATMP classification");
        REQUIRED.put("Locations", "which trials have a site in Sweden");
    }

    private CtgCsvReader() {
    }

    /** Calls {@code sink} with each study read; bad values are reported, and each record is counted good or bad. */
    static void read(Path path, String file, Problems problems, StudySink sink) throws IOException {
        CsvSource csv = CsvSource.open(path, file, CsvDialect.utf8(path, ','), problems);
        if (csv.header().isEmpty()) {
            return;
        }
        if (csv.has("Rank") && csv.has("Title") && csv.has("Status") && !csv.has("Study Status")) {
            problems.add(file, 1, null, "this is the classic ClinicalTrials.gov download (SearchResults.csv), retired in "
                    + "2024, with other columns and codes: download the studies again from clinicaltrials.gov "
                    + "(Download, CSV, all columns) or as JSON");
            return;
        }
        boolean all = true;
        for (Map.Entry<String, String> column : REQUIRED.entrySet()) {
            if (!csv.has(column.getKey())) {
                all = false;
                problems.add(file, 1, null, "missing column \"" + column.getKey() + "\", needed for " + column.getValue()
                        + " (download again with that column chosen, or all columns; the header has: "
                        + String.join(", ", csv.header()) + ")");
            }
        }
        if (!all) {
            return;
        }
        csv.forEach(record -> {
            String nct = record.required("NCT Number", CtgCsvReader::nctId);
            String status = record.required("Study Status", CtgFields::status);
            String phaseText = record.text("Phases");
            String phase = record.optional("Phases", raw -> CtgFields.phase(Arrays.asList(raw.split("\\|")), raw));
            LocalDate start = record.optional("Start Date", Values::yearMonthOrDate);
            LocalDate updated = record.optional("Last Update Posted", Values::yearMonthOrDate);
            List<Trial.Intervention> interventions = record.optional("Interventions", CtgCsvReader::interventions);
            CtgLocations locations = CtgLocations.ofCsv(record.text("Locations"));
            if (record.ok()) {
                sink.accept(new Trial(nct, record.text("Study Title"), status, phaseText == null ? null : phase, start,
                        record.text("Study Type"), record.text("Sponsor"), record.text("Funder Type"),
                        record.text("Conditions"), interventions == null ? List.of() : interventions,
                        locations.countries, locations.unplaced, updated, "CSV", file), record.line());
            } else {
                sink.rejected();
            }
        });
    }

    static String nctId(String raw) throws InvalidValueException {
        if (!raw.matches("NCT\\d{8}")) {
            throw new InvalidValueException(raw, "is not an NCT number", "NCT followed by 8 digits");
        }
        return raw;
    }

    /** {@code GENETIC: CTX001|BIOLOGICAL: Rituximab}; a name may itself hold a colon, so only the first one splits. */
    static List<Trial.Intervention> interventions(String raw) throws InvalidValueException {
        List<Trial.Intervention> list = new ArrayList<>();
        for (String part : raw.split("\\|")) {
            int colon = part.indexOf(':');
            String type = colon < 0 ? "" : part.substring(0, colon).strip();
            if (!CtgFields.INTERVENTION_TYPES.contains(type)) {
                throw new InvalidValueException(part.strip(), "is not an intervention",
                        "TYPE: name, with TYPE one of DRUG, BIOLOGICAL, GENETIC, DEVICE, PROCEDURE, ..., joined with |");
            }
            list.add(new Trial.Intervention(type, part.substring(colon + 1).strip(), null));
        }
        return list;
    }
}
