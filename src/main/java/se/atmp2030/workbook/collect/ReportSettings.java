package se.atmp2030.workbook.collect;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the inputs folder says about the report as a whole ({@code inputs/report.properties}): the report year and, per
 * dataset, the day its files were downloaded.
 */
public record ReportSettings(int year, Map<String, LocalDate> retrieved) {
    public ReportSettings {
        retrieved = Map.copyOf(retrieved);
    }

    public LocalDate retrieved(String dataset) {
        return retrieved.get(dataset);
    }
}
