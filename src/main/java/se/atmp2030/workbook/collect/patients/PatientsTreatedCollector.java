package se.atmp2030.workbook.collect.patients;

import java.io.IOException;
import java.util.List;
import se.atmp2030.workbook.collect.AnalystCsv;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/** Patients treated in Swedish healthcare per ATMP product and year, kept by the analysts. */
final class PatientsTreatedCollector implements Collector {
    static final InputSpec FILES = new InputSpec("patients/*.csv",
            "analyst CSV: Product, ATMP type, Indication, Year, Patients", true);

    static final List<Field> FIELDS = List.of(
            Field.text("Product", "product", true, "Medicinal product (brand name)").alias("Produkt"),
            Field.text("ATMP type", "atmp_type", false, "Kind of ATMP, e.g. gene therapy").alias("Type", "Typ"),
            Field.text("Indication", "indication", false, "Indication treated").alias("Indikation"),
            Field.of("Year", "year", ColumnType.INTEGER, true, raw -> (long) Values.year(raw), "Year of treatment").alias("År"),
            Field.of("Patients", "patients", ColumnType.INTEGER, true, Values::nonNegativeInteger, "Patients treated")
                    .alias("Antal patienter", "Patienter"));

    @Override
    public String name() {
        return "patients-treated";
    }

    @Override
    public String description() {
        return "Patients treated per ATMP product and year";
    }

    @Override
    public List<String> datasets() {
        return List.of("patients_treated");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(FILES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Reading reading = new Reading();
        Table table = AnalystCsv.read(context, reading, "patients_treated", context.files(FILES), FILES.format(), FIELDS, null);
        return List.of(new Dataset(table, "Patients treated per product and year",
                reading.provenance("Swedish regions' treatment records, compiled by the analysts", null,
                        context.settings().retrieved("patients_treated"))));
    }
}
