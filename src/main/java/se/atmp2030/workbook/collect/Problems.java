package se.atmp2030.workbook.collect;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading, so that a user sees them all at once rather than one per run. Thread-safe. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    /** A problem in a column of a table-shaped file ({@code column} may be {@code null}). */
    public void add(String file, long line, String column, String message) {
        add(new Problem(file, line, Problem.column(column), message));
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


    /** A snapshot of the count, to tell later how many problems one step added. */
    public synchronized int mark() {
        return list.size();
    }

    public synchronized List<Problem> since(int mark) {
        return List.copyOf(new ArrayList<>(list.subList(mark, list.size())));
    }
}
