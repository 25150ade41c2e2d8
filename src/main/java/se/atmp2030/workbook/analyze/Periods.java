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
 *   <li>a dataset with neither date gets a warning, and its last year counts as complete;</li>
 *   <li>a dataset whose rows are dated after its retrieval date was taken later than report.properties says: the
 *       latest day its rows show is used instead, with a notice;</li>
 *   <li>a measure of a level on a day (a stock: employees at year end) taken before its year is over is provisional,
 *       not a lower bound: it may still fall, and is compared as it is.</li>
 * </ul>
 */
final class Periods {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final int year;
    private final Map<String, LocalDate> takenOn = new LinkedHashMap<>();
    private final Map<String, Map<String, java.util.SortedSet<Integer>>> coverage = new LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();

    Periods(ReportSettings settings, List<Dataset> datasets) {
        this.year = settings.year();
        for (Dataset d : datasets) {
            coverage.put(d.name(), d.provenance().coverage());
            LocalDate retrieved = d.provenance().retrieved();
            LocalDate dated = d.provenance().dataAsOf();
            LocalDate date = retrieved != null ? retrieved : dated;
            LocalDate asOf = latest(dated, d.provenance().takenAfter());
            if (retrieved != null && asOf != null && asOf.isAfter(retrieved)) {
                date = asOf;
                notices.add(new Notice("data newer than its retrieval date", d.name(), "report.properties says the data "
                        + "was taken on " + MONTH.format(retrieved) + " (retrieved." + d.name() + "), but it has "
                        + (asOf.getDayOfYear() == 1 ? "rows of " + asOf.getYear() : "a row dated " + MONTH.format(asOf))
                        + ": it was taken on " + MONTH.format(asOf) + " at the earliest, and that day is used; correct "
                        + "retrieved." + d.name() + " to the day the file was downloaded or last brought up to date",
                        d.name()));
            }
            if (date != null) {
                takenOn.put(d.name(), date);
            } else if (d.table().rowCount() > 0) {
                notices.add(new Notice("no retrieval date", d.name(), "report.properties gives no retrieved." + d.name()
                        + " and the data carries no date: its last year is taken as complete; add the day the data was "
                        + "taken (retrieved." + d.name() + " = YYYY-MM-DD) so that a year not yet over is marked", d.name()));
            }
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
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

    /**
     * The years in which a dataset's files cover a member (JobTech: Sweden in the years it has a file for), by member;
     * empty where the files say nothing of it.
     */
    Map<String, java.util.SortedSet<Integer>> coverage(String dataset) {
        return coverage.getOrDefault(dataset, Map.of());
    }

    /**
     * The last year a count over the years can have: the report year, or the year the data was taken if that is
     * earlier (a sheet taken in 2022 says nothing of 2023).
     */
    int coverageEnd(String dataset) {
        LocalDate date = takenOn.get(dataset);
        return date == null ? year : Math.min(year, date.getYear());
    }

    /**
     * The note on a level taken before its year was over: {@code 2024 as on 30 August 2024, before the year was over:
     * provisional, it may still rise or fall}.
     */
    String provisionalNote(String dataset, int year) {
        LocalDate date = takenOn.get(dataset);
        return year + " as on " + MONTH.format(date) + ", before the year was over: provisional, it may still rise or "
                + "fall";
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
