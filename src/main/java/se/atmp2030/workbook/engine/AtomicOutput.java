package se.atmp2030.workbook.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers only ever see the old one or the complete new one: the content goes to a temporary file
 * beside the target, which replaces the target in one move once it is complete. A build that fails or is killed
 * mid-write leaves the earlier workbook as it was.
 */
final class AtomicOutput {
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    static void write(Path target, Content content) throws OutputException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new OutputException(target + " is a folder: give --out a file name such as " + target.resolve(
                    "report.xlsx") + "; nothing was written", null);
        }
        Path temp;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: that makes the file readable by its owner only, and the move would keep that.
            // The name is this build's own (process and time), so that two builds never take each other's.
            temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
        } catch (IOException e) {
            throw new OutputException("cannot write to the folder " + dir + " (" + reason(e) + ")", e);
        }
        try (OutputLock lock = OutputLock.take(target)) {
            removeLeftovers(dir, target);
            write(temp, target, content);
        } catch (IOException e) {
            throw new OutputException("cannot write to the folder " + dir + " (" + reason(e) + ")", e);
        }
    }

    private static void write(Path temp, Path target, Content content) throws OutputException {
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temp, target);
        } catch (IOException e) {
            throw new OutputException(lockedHint(target, e), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is hidden and named after the target; a later build cleans nothing else up
            }
        }
    }

    /**
     * A build killed mid-write leaves its hidden temporary file behind; the next build of the same file removes it.
     * Called only under the output's lock, so never while another build is writing its own.
     */
    private static void removeLeftovers(Path dir, Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What went wrong with the disk, in words: a full disk, a read-only folder. */
    static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No space left") || message.contains("not enough space") || message.contains("Disk quota")) {
            return "the disk is full";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: the folder or file is read-only for you";
        }
        if (message.contains("Read-only file system")) {
            return "the disk is read-only";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || message.contains("Not a directory")) {
            // Files.createDirectories on a path one of whose parts is a file: that part is named
            String named = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
            for (Path p = named == null ? null : Path.of(named); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    return p + " is a file, not a folder";
                }
            }
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        return message;
    }

    private static String lockedHint(Path target, IOException e) {
        if (e instanceof AccessDeniedException || e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase(java.util.Locale.ROOT).contains("used by another process")) {
            return "cannot replace " + target + ": it is open in another program or read-only. Close it in Excel and build "
                    + "again; the earlier workbook is unchanged";
        }
        return "cannot write " + target + " (" + reason(e) + "); the earlier workbook is unchanged";
    }


}
