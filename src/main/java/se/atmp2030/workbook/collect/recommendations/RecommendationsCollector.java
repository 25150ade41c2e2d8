package se.atmp2030.workbook.collect.recommendations;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** NT-rådet and TLV assessments of ATMPs, kept by the analysts from the councils' published decisions. */
final class RecommendationsCollector implements Collector {
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

    static final List<Field> FIELDS = List.of(
            Field.text("Product", "product", true, "Medicinal product (brand name)").alias("Produkt", "Läkemedel"),
            Field.text("Substance", "substance", false, "Active substance").alias("Substans"),
            Field.of("ATMP type", "atmp_type", ColumnType.TEXT, true,
                    raw -> Values.oneOf(raw, TYPES, "CAR T, gene therapy, cell therapy or tissue engineered"),
                    "Kind of ATMP: CAR T, gene therapy, cell therapy or tissue engineered").alias("Type", "Typ"),
            Field.text("Indication", "indication", false, "Indication assessed").alias("Indikation"),
            Field.of("Status", "status", ColumnType.TEXT, true,
                    raw -> Values.oneOf(raw, STATUSES, "recommended, not recommended or under assessment"),
                    "Outcome: recommended, not recommended or under assessment"),
            Field.of("Decision date", "decision_date", ColumnType.DATE, false, Values::isoDate,
                    "Date of the recommendation; empty while under assessment").alias("Beslutsdatum", "Date"),
            Field.text("Body", "body", false, "Who assessed it: NT-rådet or TLV").alias("Council"));

    @Override
    public String name() {
        return "recommendations";
    }

    @Override
    public String description() {
        return "NT-rådet / TLV assessments of ATMPs";
    }

    @Override
    public List<String> datasets() {
        return List.of("recommendations");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(FILES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Reading reading = new Reading();
        int status = 4;
        int date = 5;
        Table table = AnalystCsv.read(context, reading, "recommendations", context.files(FILES), FILES.format(), FIELDS,
                (record, values) -> {
                    if (!UNDER_ASSESSMENT.equals(values[status]) && values[date] == null) {
                        record.fail("Decision date", "is empty for a product that is " + values[status]
                                + " (expected the date of the decision, YYYY-MM-DD)");
                    }
                    reading.asOf((LocalDate) values[date]);
                });
        return List.of(new Dataset(table, "NT-rådet / TLV assessments of ATMPs",
                reading.provenance("NT-rådet (Swedish council for new therapies) and TLV, compiled by the analysts",
                        "https://janusinfo.se/nationelltinforandeavlakemedel", context.settings().retrieved("recommendations"))));
    }
}
