package se.atmp2030.workbook.collect;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a dataset comes from and what reading it did.
 *
 * @param source     who publishes the data, e.g. "ClinicalTrials.gov (U.S. National Library of Medicine)"
 * @param sourceUrl  where an analyst downloads it again
 * @param files      the input files read, with their checksums
 * @param rowsRead   records read from the files
 * @param rowsRejected records left out because a value was wrong (each reported as a problem)
 * @param retrieved  the day the files were downloaded, where {@code report.properties} says so; else {@code null}
 * @param dataAsOf   the newest date the data itself carries (last update, publication date); else {@code null}
 * @param notes      what else an analyst should know about the reading (records filtered out, duplicates dropped)
 * @param coverage   the years in which the data covers a member (a country), where the files say so rather than the
 *                   rows: JobTech's ads cover Sweden in the years it has a file for, whether or not an ATMP ad is among
 *                   them. A member not named here is covered from its source's first to its last year with rows.
 * @param takenAfter the first day of the latest year the rows are of, for data dated by year only (a sheet with rows of
 *                   2025 was taken in 2025 at the earliest); else {@code null}. Not a date of the data itself.
 */
public record Provenance(String source, String sourceUrl, List<SourceFile> files, long rowsRead, long rowsRejected,
                         LocalDate retrieved, LocalDate dataAsOf, List<String> notes,
                         Map<String, SortedSet<Integer>> coverage, LocalDate takenAfter) {
    public Provenance {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        Map<String, SortedSet<Integer>> copy = new TreeMap<>();
        coverage.forEach((member, years) -> copy.put(member, Collections.unmodifiableSortedSet(new TreeSet<>(years))));
        coverage = Collections.unmodifiableMap(copy);
    }

    public Provenance(String source, String sourceUrl, List<SourceFile> files, long rowsRead, long rowsRejected,
                      LocalDate retrieved, LocalDate dataAsOf, List<String> notes) {
        this(source, sourceUrl, files, rowsRead, rowsRejected, retrieved, dataAsOf, notes, Map.of(), null);
    }

    /** The same provenance with more notes at the end. */
    public Provenance withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Provenance(source, sourceUrl, files, rowsRead, rowsRejected, retrieved, dataAsOf, all, coverage, takenAfter);
    }
}
