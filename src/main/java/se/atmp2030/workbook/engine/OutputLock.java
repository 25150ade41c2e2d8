package se.atmp2030.workbook.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One build at a time on an output file: a lock on a hidden file beside it ({@code .report.xlsx.lock}), held while the
 * workbook is written and moved into place. A second build waits a few seconds for it, then stops, saying which build
 * holds it. The operating system releases the lock when a build ends in any way, killed included (a killed build's
 * lock file stays behind, unlocked, and is taken over by the next build). A build that finishes removes the file while
 * it still holds the lock; one that was waiting on the removed file notices and locks the new one.
 */
final class OutputLock implements AutoCloseable {
    /** How long a second build waits for the first to finish writing. */
    static final long WAIT_MILLIS = Long.getLong("atmp.lockWaitMillis", 10_000);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static OutputLock take(Path target) throws IOException, OutputException {
        Path file = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".lock");
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        String token = "build " + ProcessHandle.current().pid() + " of " + System.getProperty("user.name") + " since "
                + java.time.LocalDateTime.now().withNano(0) + " #" + Long.toHexString(System.nanoTime());
        try {
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                Object opened = key(file);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another build in this same JVM (tests)
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    // The file locked must still be the one at the path: the build before removes it when done. Told by
                    // its identity (device and inode), never by opening it: closing any other handle on a locked file
                    // would release this process's lock on it.
                    Object now = key(file);
                    if (now != null && now.equals(opened)) {
                        return new OutputLock(file, channel, lock);
                    }
                    lock.release();
                    channel.close();
                    continue;
                }
                channel.close();
                if (System.currentTimeMillis() > until) {
                    String holder = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
                    holder = holder.contains(" #") ? holder.substring(0, holder.indexOf(" #")) : holder;
                    throw new OutputException("another build is writing " + target + (holder.isEmpty() ? ""
                            : " (" + holder + ")") + ": wait for it to finish and build again; nothing was changed",
                            null);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputException("interrupted while waiting for another build to finish writing " + target, null);
        }
    }

    /** The file's identity (device and inode where the system has them), or null when it is gone. */
    private static Object key(Path file) {
        try {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the lock file while still holding it, then lets go: nothing is left beside the workbook. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
