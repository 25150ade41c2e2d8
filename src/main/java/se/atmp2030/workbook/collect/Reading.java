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

    public long read() {
        return read;
    }

    public long rejected() {
        return rejected;
    }

    public Provenance provenance(String source, String sourceUrl, LocalDate retrieved) {
        return new Provenance(source, sourceUrl, files, read, rejected, retrieved, asOf, notes);
    }
}
