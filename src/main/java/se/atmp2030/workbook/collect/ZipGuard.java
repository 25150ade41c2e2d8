package se.atmp2030.workbook.collect;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Limits on what a zip may unpack to, for every data zip the tool opens (CORDIS, JobTech, ClinicalTrials.gov): an
 * archive that expands to more than {@link #MAX_RATIO} times its own size, past a first {@link #GRACE} bytes, is a zip
 * bomb (or damaged) and its reading stops with {@link DamagedInputException}, before the disk or the memory run out.
 * Real data compresses ten to twenty times. An archive with more than {@link #MAX_ENTRIES} entries is refused too.
 */
public final class ZipGuard {
    /** How many times its own size an archive may unpack to. */
    public static final long MAX_RATIO = 100;
    /** Bytes any archive may unpack to whatever its ratio. */
    public static final long GRACE = 100L * 1024 * 1024;
    /** More files than the full ClinicalTrials.gov download holds (about 550,000). */
    public static final int MAX_ENTRIES = 2_000_000;

    /** What one archive has unpacked so far, against what it may. */
    public static final class Budget {
        private final String display;
        private final long allowed;
        private long used;

        public Budget(Path archive, String display) throws IOException {
            this.display = display;
            this.allowed = Math.max(GRACE, Files.size(archive) * MAX_RATIO);
        }

        synchronized void use(long bytes) throws DamagedInputException {
            used += bytes;
            if (used > allowed) {
                throw new DamagedInputException(display, "unpacks to more than " + (allowed / (1024 * 1024))
                        + " MB, over " + MAX_RATIO + " times its own size: a zip bomb or a damaged archive; download it "
                        + "again from the source");
            }
        }

        public String display() {
            return display;
        }
    }

    private static final Map<FileSystem, Budget> OPEN = Collections.synchronizedMap(new WeakHashMap<>());

    private ZipGuard() {
    }

    /** Puts an opened zip file system under a budget; every stream {@link #open} opens in it counts against it. */
    public static void watch(FileSystem zip, Budget budget) {
        OPEN.put(zip, budget);
    }

    /** A file's stream: counted against its archive's budget when it lies in a zip being watched. */
    public static InputStream open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        Budget budget = OPEN.get(path.getFileSystem());
        return budget == null ? in : guard(in, budget);
    }

    /** The stream, counted against the budget. */
    public static InputStream guard(InputStream in, Budget budget) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    budget.use(1);
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = super.read(bytes, offset, length);
                if (n > 0) {
                    budget.use(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                budget.use(skipped);
                return skipped;
            }
        };
    }
}
