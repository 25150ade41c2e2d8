package org.example.beds;

import java.util.List;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.AnalystCsvCollector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.SwedishRegions;
import se.atmp2030.workbook.collect.Values;

/** An example plugin: hospital beds for advanced therapies per region, from an analyst's CSV. */
public final class HospitalBedsCollector extends AnalystCsvCollector {
    private static final List<Field> FIELDS = List.of(
            Field.of("Region", "region", ColumnType.TEXT, true, SwedishRegions::parse, "Swedish region"),
            Field.of("Year", "year", ColumnType.INTEGER, true, raw -> (long) Values.year(raw), "Year"),
            Field.of("Beds", "beds", ColumnType.INTEGER, true, Values::nonNegativeInteger, "Beds for ATMP treatment"));

    public HospitalBedsCollector() {
        super(new Spec("hospital-beds", "Hospital beds for advanced therapies per region", "hospital_beds",
                "Hospital beds for ATMP", new InputSpec("hospital-beds/*.csv", "analyst CSV: Region, Year, Beds", true),
                FIELDS, "The regions, via the analysts", null));
    }
}
