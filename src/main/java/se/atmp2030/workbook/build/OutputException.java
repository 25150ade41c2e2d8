package se.atmp2030.workbook.build;

/** The workbook could not be written (folder missing or read-only, file locked by Excel); nothing was replaced. */
public final class OutputException extends Exception {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
