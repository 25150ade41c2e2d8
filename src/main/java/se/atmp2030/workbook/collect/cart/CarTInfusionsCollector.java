package se.atmp2030.workbook.collect.cart;

import java.util.List;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.AnalystCsvCollector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.SwedishRegions;
import se.atmp2030.workbook.collect.Values;

/**
 * CAR T infusions given as standard of care, per year, region, centre, product and indication. Treating clinics report
 * them only as images or PDF, so analysts keep the numbers in Excel.
 */
final class CarTInfusionsCollector extends AnalystCsvCollector {
    static final InputSpec FILES = new InputSpec("cart/*.csv",
            "analyst CSV: Year, Region, Centre, Product, Indication, Infusions", true);

    static final List<Field> FIELDS = List.of(
            Field.of("Year", "year", ColumnType.INTEGER, true, raw -> (long) Values.year(raw), "Year of infusion"),
            Field.of("Region", "region", ColumnType.TEXT, true, SwedishRegions::parse, "Swedish region of the treating centre"),
            Field.text("Centre", "centre", false, "Treating centre"),
            Field.text("Product", "product", true, "CAR T product (brand name)"),
            Field.text("Indication", "indication", false, "Indication treated"),
            Field.of("Infusions", "infusions", ColumnType.INTEGER, true, Values::nonNegativeInteger,
                    "Infusions given as standard of care"));

    CarTInfusionsCollector() {
        super(new Spec("cart-infusions", "CAR T infusions given as standard of care in Sweden", "cart_infusions",
                "CAR T infusions as standard of care", FILES, FIELDS,
                "Swedish CAR T treating centres, compiled by the analysts", null));
    }
}
