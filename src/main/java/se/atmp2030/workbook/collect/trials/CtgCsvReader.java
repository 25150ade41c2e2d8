package se.atmp2030.workbook.collect.trials;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import se.atmp2030.workbook.collect.Countries;
import se.atmp2030.workbook.collect.CsvDialect;
import se.atmp2030.workbook.collect.CsvSource;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.Problems;
import se.atmp2030.workbook.collect.Values;

/** The ClinicalTrials.gov CSV download ({@code ctg-studies.csv}): columns found by their header, as users may drop or reorder them. */
final class CtgCsvReader {
    static final String[] REQUIRED = {"NCT Number", "Study Status", "Interventions", "Locations"};

    private CtgCsvReader() {
    }

    /** Calls {@code action} with each good study; bad values are reported, and {@code read} counts good and bad records. */
    static void read(Path path, String file, Problems problems, Consumer<Boolean> read, Consumer<Trial> action)
            throws IOException {
        CsvSource csv = CsvSource.open(path, file, CsvDialect.utf8(path, ','), problems);
        if (!csv.requireColumns(REQUIRED)) {
            return;
        }
        csv.forEach(record -> {
            String nct = record.required("NCT Number", CtgCsvReader::nctId);
            String status = record.required("Study Status", CtgFields::status);
            String phaseText = record.text("Phases");
            String phase = record.optional("Phases", raw -> CtgFields.phase(Arrays.asList(raw.split("\\|")), raw));
            LocalDate start = record.optional("Start Date", Values::yearMonthOrDate);
            List<Trial.Intervention> interventions = record.optional("Interventions", CtgCsvReader::interventions);
            String locations = record.text("Locations");
            read.accept(record.ok());
            if (record.ok()) {
                action.accept(new Trial(nct, record.text("Study Title"), status, phaseText == null ? null : phase, start,
                        record.text("Study Type"), record.text("Sponsor"), record.text("Funder Type"),
                        record.text("Conditions"), interventions == null ? List.of() : interventions,
                        countries(locations), "CSV"));
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

    /** Each location ends in its country: {@code Facility, City, [State, ][Zip, ]Country}, joined with {@code |}. */
    static TreeSet<String> countries(String locations) {
        TreeSet<String> countries = new TreeSet<>();
        if (locations != null) {
            for (String location : locations.split("\\|")) {
                String last = location.substring(location.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty()) {
                    countries.add(Countries.byName(last).map(Countries.Country::name).orElse(last));
                }
            }
        }
        return countries;
    }
}
