package se.atmp2030.workbook.cli;

import java.io.PrintStream;
import se.atmp2030.workbook.collect.Progress;

/**
 * Shows, on an interactive terminal only, a line that says how far a long build has come; redrawn once a second from
 * the third second on, and cleared at the end. In CI logs and pipes (no console, or CI set) it stays silent.
 */
final class ProgressLine implements AutoCloseable {
    private static final long START_AFTER_MILLIS = 3000;
    private final Thread thread;
    private final PrintStream out;
    private volatile boolean shown;

    private ProgressLine(PrintStream out) {
        this.out = out;
        this.thread = new Thread(this::run, "progress");
        thread.setDaemon(true);
    }

    /** Starts the line when the terminal is interactive; otherwise returns one that does nothing. */
    static ProgressLine start() {
        Progress.reset();
        ProgressLine line = new ProgressLine(System.err);
        if (System.console() != null && System.getenv("CI") == null) {
            line.thread.start();
        }
        return line;
    }

    private void run() {
        try {
            Thread.sleep(START_AFTER_MILLIS);
            while (!Thread.currentThread().isInterrupted()) {
                out.print("\r" + Progress.line() + "   ");
                out.flush();
                shown = true;
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops and clears the line; calling it again does nothing. */
    void stop() {
        thread.interrupt();
        if (shown) {
            out.print("\r" + " ".repeat(Progress.line().length() + 3) + "\r");
            out.flush();
        }
    }
}
