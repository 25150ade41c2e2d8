package se.atmp2030.workbook.cli;

/** The exit codes every command uses; the README lists them. */
final class ExitCodes {
    static final int OK = 0;
    /** The inputs have problems (each one printed); nothing was written. */
    static final int BAD_INPUT = 1;
    /** The command line is wrong (unknown option, bad value). */
    static final int USAGE = 2;
    /** The workbook could not be written (folder not writable, file open in Excel); the earlier one is unchanged. */
    static final int OUTPUT = 3;
    /** A bug or a broken plugin: the message says which; {@code -v} shows the stack trace. */
    static final int INTERNAL = 4;
    /** fetch: a source could not be fetched (down, moved, changed its format); what did come is in place. */
    static final int FETCH = 5;

    private ExitCodes() {
    }
}
