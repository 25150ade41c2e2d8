package se.atmp2030.workbook.analyze;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.ReportSettings;

/**
 * The report's periods, one rule each:
 * <ul>
 *   <li>the report year cuts every figure: rows dated after it are left out of every KPI, series and trend (the data
 *       sheets still hold them), with a notice;</li>
 *   <li>a dataset's data was taken on its retrieval date ({@code retrieved.<dataset>} in report.properties, else the
 *       newest date its files carry); the year in progress on that day is partial for that dataset: its values are lower
 *       bounds, marked wherever they appear and left out of trends;</li>
 *   <li>a dataset with neither date gets a warning, and its last year counts as complete.</li>
 * </ul>
 */
final class Periods {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final int year;
    private final Map<String, LocalDate> takenOn = new LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();

    Periods(ReportSettings settings, List<Dataset> datasets) {
        this.year = settings.year();
        for (Dataset d : datasets) {
            LocalDate date = d.provenance().retrieved() != null ? d.provenance().retrieved() : d.provenance().dataAsOf();
            if (date != null) {
                takenOn.put(d.name(), date);
            } else if (d.table().rowCount() > 0) {
                notices.add(new Notice("no retrieval date", d.name(), "report.properties gives no retrieved." + d.name()
                        + " and the data carries no date: its last year is taken as complete; add the day the data was "
                        + "taken (retrieved." + d.name() + " = YYYY-MM-DD) so that a year not yet over is marked", d.name()));
            }
        }
    }

    int reportYear() {
        return year;
    }

    List<Notice> notices() {
        return List.copyOf(notices);
    }

    /** The day the dataset's data was taken, if known. */
    Optional<LocalDate> takenOn(String dataset) {
        return Optional.ofNullable(takenOn.get(dataset));
    }

    /** Whether {@code year} was not over when the dataset's data was taken. */
    boolean partial(String dataset, int year) {
        LocalDate date = takenOn.get(dataset);
        return date != null && date.getYear() == year && date.isBefore(LocalDate.of(year, 12, 31));
    }

    /** Whether {@code year} was not over when the data of any of these datasets was taken. */
    boolean partial(Collection<String> datasets, int year) {
        return datasets.stream().anyMatch(d -> partial(d, year));
    }

    /** The note on a partial year: {@code 2024 not over when the data was taken (26 August 2024)}. */
    String partialNote(Collection<String> datasets, int year) {
        LocalDate date = datasets.stream().filter(d -> partial(d, year)).map(takenOn::get).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        return date == null ? null : year + " was not over when the data was taken (" + MONTH.format(date)
                + "): a lower bound";
    }

    /**
     * The last year of the datasets that is complete: the report year, or the year before when the report year was not
     * over when the data was taken.
     */
    int lastComplete(Collection<String> datasets) {
        return partial(datasets, year) ? year - 1 : year;
    }
}
