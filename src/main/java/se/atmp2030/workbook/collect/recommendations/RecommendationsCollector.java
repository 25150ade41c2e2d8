package se.atmp2030.workbook.collect.recommendations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.AnalystCsvCollector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.CsvSource;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Values;

/** NT-rådet and TLV assessments of ATMPs, kept by the analysts from the councils' published decisions. */
final class RecommendationsCollector extends AnalystCsvCollector {
    static final InputSpec FILES = new InputSpec("recommendations/*.csv",
            "analyst CSV: Product, Substance, ATMP type, Indication, Status, Decision date, Body", true);

    static final String UNDER_ASSESSMENT = "under assessment";
    private static final Map<String, String> TYPES = Values.choices(
            "CAR T", "CAR T", "CAR-T", "CAR T", "CAR T cell therapy", "CAR T",
            "gene therapy", "gene therapy", "genterapi", "gene therapy", "GTMP", "gene therapy",
            "cell therapy", "cell therapy", "cellterapi", "cell therapy", "sCTMP", "cell therapy",
            "tissue engineered", "tissue engineered", "TEP", "tissue engineered");
    private static final Map<String, String> STATUSES = Values.choices(
            "recommended", "recommended", "rekommenderas", "recommended", "rekommenderad", "recommended",
            "not recommended", "not recommended", "rekommenderas ej", "not recommended", "ej rekommenderad", "not recommended",
            "under assessment", UNDER_ASSESSMENT, "under investigation", UNDER_ASSESSMENT, "pågående", UNDER_ASSESSMENT,
            "under utredning", UNDER_ASSESSMENT, "ongoing", UNDER_ASSESSMENT);

    private static final Field STATUS = Field.of("Status", "status", ColumnType.TEXT, true,
            raw -> Values.oneOf(raw, STATUSES, "recommended, not recommended or under assessment"),
            "Outcome: recommended, not recommended or under assessment");
    private static final Field DECISION_DATE = Field.of("Decision date", "decision_date", ColumnType.DATE, false,
            Values::isoDate, "Date of the recommendation; empty while under assessment");

    static final List<Field> FIELDS = List.of(
            Field.text("Product", "product", true, "Medicinal product (brand name)"),
            Field.text("Substance", "substance", false, "Active substance"),
            Field.of("ATMP type", "atmp_type", ColumnType.TEXT, true,
                    raw -> Values.oneOf(raw, TYPES, "CAR T, gene therapy, cell therapy or tissue engineered"),
                    "Kind of ATMP: CAR T, gene therapy, cell therapy or tissue engineered"),
            Field.text("Indication", "indication", false, "Indication assessed"),
            STATUS,
            DECISION_DATE,
            Field.text("Body", "body", false, "Who assessed it: NT-rådet or TLV"));

    RecommendationsCollector() {
        super(new Spec("recommendations", "NT-rådet / TLV assessments of ATMPs", "recommendations",
                "NT-rådet / TLV assessments of ATMPs", FILES, FIELDS,
                "NT-rådet (Swedish council for new therapies) and TLV, compiled by the analysts",
                "https://janusinfo.se/nationelltinforandeavlakemedel", List.of("product", "indication", "body")));
    }

    /** A decided assessment has a decision date; one under assessment has none yet. */
    @Override
    protected void check(CsvSource.Record record, Object[] values, Reading reading) {
        Object status = values[FIELDS.indexOf(STATUS)];
        Object date = values[FIELDS.indexOf(DECISION_DATE)];
        if (!UNDER_ASSESSMENT.equals(status) && date == null) {
            record.fail("Decision date", "is empty for a product that is " + status
                    + " (expected the date of the decision, YYYY-MM-DD)");
        }
        reading.asOf((LocalDate) date);
    }
}
