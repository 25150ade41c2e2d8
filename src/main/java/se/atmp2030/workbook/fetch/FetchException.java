package se.atmp2030.workbook.fetch;

/** A source that could not be fetched: its name, what happened and what to do, for one line on the terminal. */
public final class FetchException extends Exception {
    private final String source;

    public FetchException(String source, String message) {
        super(message);
        this.source = source;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source + ": " + getMessage();
    }
}
