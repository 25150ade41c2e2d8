package se.atmp2030.workbook.collect;

/**
 * A value that does not parse, with what was expected. Readers turn it into a {@link Problem} that adds the file, line
 * and column; it never reaches the user on its own.
 */
public final class InvalidValueException extends Exception {
    public InvalidValueException(String value, String whatItIsNot, String expected) {
        super('"' + Problem.shorten(value) + "\" " + whatItIsNot + " (expected " + expected + ")");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a user's data error: the stack is of no use and costs time on large files
    }
}
