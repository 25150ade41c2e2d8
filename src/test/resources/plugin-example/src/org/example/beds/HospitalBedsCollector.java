package org.example.beds;

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

/** An example plugin: hospital beds for advanced therapies per region, from an analyst's CSV. */
public final class HospitalBedsCollector implements Collector {
    private static final InputSpec FILES = new InputSpec("hospital-beds/*.csv", "analyst CSV: Region, Year, Beds", true);
    private static final List<Field> FIELDS = List.of(
            Field.of("Region", "region", ColumnType.TEXT, true, SwedishRegions::parse, "Swedish region"),
            Field.of("Year", "year", ColumnType.INTEGER, true, raw -> (long) Values.year(raw), "Year"),
            Field.of("Beds", "beds", ColumnType.INTEGER, true, Values::nonNegativeInteger, "Beds for ATMP treatment"));

    @Override
    public String name() {
        return "hospital-beds";
    }

    @Override
    public String description() {
        return "Hospital beds for advanced therapies per region";
    }

    @Override
    public List<String> datasets() {
        return List.of("hospital_beds");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(FILES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Reading reading = new Reading();
        Table table = AnalystCsv.read(context, reading, "hospital_beds", context.files(FILES), FILES.format(), FIELDS, null);
        return List.of(new Dataset(table, "Hospital beds for ATMP", reading.provenance("The regions, via the analysts", null, null)));
    }
}
