package se.atmp2030.workbook.engine;

/** The workbook could not be written (folder missing or read-only, file locked by Excel); nothing was replaced. */
public final class OutputException extends Exception {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception as a problem with the disk (full, read-only, permission denied), or {@code null} when it is
     * something else: such a failure while the build writes its temporary files is the machine's, not the inputs'.
     */
    public static OutputException ofDisk(java.io.IOException e) {
        String reason = AtomicOutput.reason(e);
        boolean disk = e instanceof java.nio.file.AccessDeniedException || reason.startsWith("the disk")
                || reason.startsWith("permission denied");
        return disk ? new OutputException("cannot write the build's temporary files (" + reason + "); nothing was "
                + "changed", e) : null;
    }
}
