package se.atmp2030.workbook.collect.trials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.atmp2030.workbook.collect.AnalystCsv;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/**
 * The analysts' corrections of the classification: {@code clinical-trials/classification-overrides.csv}, one row per
 * trial with its NCT number, ATMP yes or no, the category (for an ATMP) and the reason. An override decides over the
 * rules; the trial's rule is then {@code override} and its evidence the reason. An override for a trial that is not in
 * the data is reported, so that a typing error in an NCT number does not pass unseen.
 */
final class Overrides {
    static final String FILE = "classification-overrides.csv";
    static final se.atmp2030.workbook.collect.InputSpec SPEC = new se.atmp2030.workbook.collect.InputSpec(
            "clinical-trials/" + FILE, "analyst CSV: NCT Number, ATMP (yes/no), Category, Reason", false);
    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
    private static final Map<String, String> CATEGORIES = Values.choices("GTMP", "GTMP", "sCTMP", "sCTMP", "TEP", "TEP",
            "combined", "combined", "combined ATMP", "combined");

    /** One correction, and the line it is on. */
    record Override(String nctId, boolean atmp, String category, String reason, String where) {
    }

    private final Map<String, Override> byTrial = new LinkedHashMap<>();
    private final java.util.Set<String> used = new java.util.HashSet<>();

    /** Reads the overrides file of the inputs folder, if there is one. */
    static Overrides read(CollectContext context, Reading reading) throws IOException {
        Overrides overrides = new Overrides();
        List<Path> files = context.files(SPEC);
        if (files.isEmpty()) {
            return overrides;
        }
        Path file = files.get(0);
        List<AnalystCsv.Field> fields = List.of(
                AnalystCsv.Field.of("NCT Number", "nct_id", ColumnType.TEXT, true, Overrides::nct,
                        "The trial, as ClinicalTrials.gov numbers it").alias("NCT", "NCT ID", "nct_id"),
                AnalystCsv.Field.of("ATMP", "atmp", ColumnType.BOOLEAN, true, Values::bool,
                        "Whether the trial is an ATMP trial: yes or no"),
                AnalystCsv.Field.of("Category", "category", ColumnType.TEXT, false,
                        raw -> Values.oneOf(raw, CATEGORIES, "GTMP, sCTMP, TEP or combined"), "GTMP, sCTMP, TEP or combined"),
                AnalystCsv.Field.text("Reason", "reason", true, "Why the rules' call is corrected"));
        // Read on its own, so that its rows do not count among the trials read; the file is listed with the trials'.
        Table table = AnalystCsv.read(context, new Reading(), "classification_overrides", List.of(file), SPEC.format(),
                fields, (record, values) -> {
                    if (Boolean.TRUE.equals(values[1]) && values[2] == null) {
                        record.fail("Category", "no category for a trial marked ATMP (expected GTMP, sCTMP, TEP or "
                                + "combined)");
                    }
                });
        reading.file(context.sourceFile(file, SPEC.format()));
        String display = context.display(file);
        for (Object[] row : (Iterable<Object[]>) table.stream()::iterator) {
            String nct = (String) row[0];
            overrides.byTrial.put(nct, new Override(nct, (Boolean) row[1], (String) row[2], (String) row[3],
                    display + " (" + nct + ")"));
        }
        return overrides;
    }

    private static String nct(String raw) throws InvalidValueException {
        String id = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (!NCT.matcher(id).matches()) {
            throw new InvalidValueException(raw, "is not an NCT number", "NCT and eight digits, e.g. NCT04299724");
        }
        return id;
    }

    /** The correction of this trial, if any; noted as used. */
    Override of(String nctId) {
        Override o = byTrial.get(nctId);
        if (o != null) {
            used.add(nctId);
        }
        return o;
    }

    /** The corrections of trials the data does not hold. */
    List<Override> unused() {
        return byTrial.values().stream().filter(o -> !used.contains(o.nctId())).toList();
    }

    int size() {
        return byTrial.size();
    }
}
