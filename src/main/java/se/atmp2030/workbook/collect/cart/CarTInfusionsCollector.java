package se.atmp2030.workbook.collect.cart;

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
import se.atmp2030.workbook.collect.SwedishRegions;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/**
 * CAR T infusions given as standard of care, per year, region, centre, product and indication. Treating clinics report
 * them only as images or PDF, so analysts keep the numbers in Excel.
 */
final class CarTInfusionsCollector implements Collector {
    static final InputSpec FILES = new InputSpec("cart/*.csv",
            "analyst CSV: Year, Region, Centre, Product, Indication, Infusions", true);

    static final List<Field> FIELDS = List.of(
            Field.of("Year", "year", ColumnType.INTEGER, true, raw -> (long) Values.year(raw), "Year of infusion").alias("År"),
            Field.of("Region", "region", ColumnType.TEXT, true, SwedishRegions::parse, "Swedish region of the treating centre"),
            Field.text("Centre", "centre", false, "Treating centre").alias("Center", "Hospital", "Sjukhus"),
            Field.text("Product", "product", true, "CAR T product (brand name)").alias("Produkt"),
            Field.text("Indication", "indication", false, "Indication treated").alias("Indikation"),
            Field.of("Infusions", "infusions", ColumnType.INTEGER, true, Values::nonNegativeInteger,
                    "Infusions given as standard of care").alias("Antal", "Number of infusions"));

    @Override
    public String name() {
        return "cart-infusions";
    }

    @Override
    public String description() {
        return "CAR T infusions given as standard of care in Sweden";
    }

    @Override
    public List<String> datasets() {
        return List.of("cart_infusions");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(FILES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Reading reading = new Reading();
        Table table = AnalystCsv.read(context, reading, "cart_infusions", context.files(FILES), FILES.format(), FIELDS, null);
        return List.of(new Dataset(table, "CAR T infusions as standard of care",
                reading.provenance("Swedish CAR T treating centres, compiled by the analysts", null,
                        context.settings().retrieved("cart_infusions"))));
    }
}
