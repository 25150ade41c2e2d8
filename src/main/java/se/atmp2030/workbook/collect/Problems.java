package se.atmp2030.workbook.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found while reading, so that a user sees them all at once rather than one per run, and the
 * warnings: what the build could still do but a user must hear of (a file nobody reads, a figure taken from an older
 * year). Problems stop a build; warnings are printed, logged and kept on the Sources sheet. Thread-safe.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    /** A problem in a column of a table-shaped file ({@code column} may be {@code null}). */
    public void add(String file, long line, String column, String message) {
        add(new Problem(file, line, Problem.column(column), message));
    }

    /** Something the user must hear of that does not stop the build. */
    public synchronized void warn(Problem warning) {
        warnings.add(warning);
    }

    /** A warning about a whole file. */
    public void warn(String file, String message) {
        warn(new Problem(file, 0, null, message));
    }

    public synchronized boolean isEmpty() {
        return list.isEmpty();
    }

    public synchronized int size() {
        return list.size();
    }

    public synchronized List<Problem> all() {
        return List.copyOf(list);
    }

    public synchronized List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    /** Takes over the problems and warnings of another collection, in order. */
    public void addAll(Problems other) {
        other.all().forEach(this::add);
        other.warnings().forEach(this::warn);
    }

    /** A snapshot of the count, to tell later how many problems one step added. */
    public synchronized int mark() {
        return list.size();
    }

    public synchronized List<Problem> since(int mark) {
        return List.copyOf(new ArrayList<>(list.subList(mark, list.size())));
    }
}
