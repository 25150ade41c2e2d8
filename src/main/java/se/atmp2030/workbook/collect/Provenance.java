package se.atmp2030.workbook.collect;

import java.time.LocalDate;
import java.util.List;

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
 */
public record Provenance(String source, String sourceUrl, List<SourceFile> files, long rowsRead, long rowsRejected,
                         LocalDate retrieved, LocalDate dataAsOf, List<String> notes) {
    public Provenance {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** The same provenance with more notes at the end. */
    public Provenance withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Provenance(source, sourceUrl, files, rowsRead, rowsRejected, retrieved, dataAsOf, all);
    }
}
