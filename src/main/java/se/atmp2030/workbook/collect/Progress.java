package se.atmp2030.workbook.collect;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a running build, for the progress line an interactive terminal shows during long builds: which stage
 * runs, records read so far, rows written so far. Updating them costs an uncontended add.
 */
public final class Progress {
    private static final LongAdder RECORDS = new LongAdder();
    private static final LongAdder ROWS = new LongAdder();
    private static volatile String stage = "starting";

    private Progress() {
    }

    public static void stage(String name) {
        stage = name;
    }

    public static void recordRead() {
        RECORDS.increment();
    }

    public static void rowWritten() {
        ROWS.increment();
    }

    /** {@code reading inputs: 1,234,567 records read, 0 rows written}. */
    public static String line() {
        return String.format(java.util.Locale.ROOT, "%s: %,d records read, %,d rows written", stage, RECORDS.sum(), ROWS.sum());
    }

    public static void reset() {
        RECORDS.reset();
        ROWS.reset();
        stage = "starting";
    }
}
