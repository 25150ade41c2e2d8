package se.atmp2030.workbook.collect;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What the inputs folder says about the report as a whole ({@code inputs/report.properties}): the report year, per
 * dataset the day its files were downloaded, and per topic the year its headline changes count from
 * ({@code from.trials = 2021}: "trials doubled from 2021 to 2024").
 */
public record ReportSettings(int year, Map<String, LocalDate> retrieved, Map<String, Integer> from) {
    public ReportSettings {
        retrieved = Map.copyOf(retrieved);
        from = Map.copyOf(from);
    }

    public ReportSettings(int year, Map<String, LocalDate> retrieved) {
        this(year, retrieved, Map.of());
    }

    public LocalDate retrieved(String dataset) {
        return retrieved.get(dataset);
    }

    /** The year a topic's headline changes count from, if the settings give one. */
    public Optional<Integer> from(String topic) {
        return Optional.ofNullable(from.get(topic));
    }
}
