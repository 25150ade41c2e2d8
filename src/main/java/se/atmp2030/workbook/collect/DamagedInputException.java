package se.atmp2030.workbook.collect;

import java.io.IOException;

/**
 * An input file that cannot be read at all (a zip bomb, an archive cut short): stops its collector, and becomes a
 * problem naming the file, like any other problem of the inputs.
 */
public final class DamagedInputException extends IOException {
    private final String file;

    public DamagedInputException(String file, String message) {
        super(message);
        this.file = file;
    }

    public String file() {
        return file;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the user's file, not a bug: no stack to show
    }
}
