package se.atmp2030.workbook.collect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a collector did while reading one dataset's files, turned into its {@link Provenance} at the end. */
public final class Reading {
    private final List<SourceFile> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long read;
    private long rejected;
    private LocalDate asOf;
    private Integer latestYear;
    private final java.util.Map<String, java.util.SortedSet<Integer>> coverage = new java.util.TreeMap<>();

    public void file(SourceFile file) {
        files.add(file);
    }

    /** Counts one record read, and one rejected unless it was good. */
    public void record(boolean ok) {
        read++;
        Progress.recordRead();
        if (!ok) {
            rejected++;
        }
    }

    public void note(String note) {
        notes.add(note);
    }

    /** The data is at least as new as this date. */
    public void asOf(LocalDate date) {
        if (date != null && (asOf == null || date.isAfter(asOf))) {
            asOf = date;
        }
    }

    /** A row of this year: the data was taken in it at the earliest. */
    public void rowOfYear(int year) {
        if (latestYear == null || year > latestYear) {
            latestYear = year;
        }
    }

    /** The data covers {@code member} in {@code year} (a file for the year), whatever its rows hold. */
    public void covers(String member, int year) {
        coverage.computeIfAbsent(member, m -> new java.util.TreeSet<>()).add(year);
    }

    public long read() {
        return read;
    }

    public long rejected() {
        return rejected;
    }

    public Provenance provenance(String source, String sourceUrl, LocalDate retrieved) {
        return new Provenance(source, sourceUrl, files, read, rejected, retrieved, asOf, notes, coverage,
                latestYear == null ? null : LocalDate.of(latestYear, 1, 1));
    }
}
