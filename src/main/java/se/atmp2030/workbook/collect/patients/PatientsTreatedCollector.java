package se.atmp2030.workbook.collect.patients;

import java.util.List;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.AnalystCsvCollector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Values;

/** Patients treated in Swedish healthcare per ATMP product and year, kept by the analysts. */
final class PatientsTreatedCollector extends AnalystCsvCollector {
    static final InputSpec FILES = new InputSpec("patients/*.csv",
            "analyst CSV: Product, ATMP type, Indication, Year, Patients", true);

    static final List<Field> FIELDS = List.of(
            Field.text("Product", "product", true, "Medicinal product (brand name)"),
            Field.text("ATMP type", "atmp_type", false, "Kind of ATMP, e.g. gene therapy"),
            Field.text("Indication", "indication", false, "Indication treated"),
            Field.of("Year", "year", ColumnType.INTEGER, true, raw -> (long) Values.year(raw), "Year of treatment"),
            Field.of("Patients", "patients", ColumnType.INTEGER, true, Values::nonNegativeInteger, "Patients treated"));

    PatientsTreatedCollector() {
        super(new Spec("patients-treated", "Patients treated per ATMP product and year", "patients_treated",
                "Patients treated per product and year", FILES, FIELDS,
                "Swedish regions' treatment records, compiled by the analysts", null));
    }
}
