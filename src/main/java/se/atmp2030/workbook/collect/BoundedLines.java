package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of text with a limit on their length, so that a file of one line of several gigabytes (damaged, or not a
 * line-based file at all) cannot run the memory out: a line longer than the limit is skipped to its end without being
 * kept, and said so. Lines end at LF, CRLF or CR.
 */
public final class BoundedLines {
    /** The limit: no registry record comes near it (a JobTech ad is a few kilobytes). */
    public static final int MAX_LINE = 16 * 1024 * 1024;

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean tooLong;
    private long number;

    public BoundedLines(Reader in) {
        this(in, MAX_LINE);
    }

    public BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, without its end; {@code null} at the end of the file. After a line too long, {@link #tooLong()}. */
    public String next() throws IOException {
        StringBuilder line = new StringBuilder();
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    number++;
                    return tooLong ? "" : line.toString();
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (!tooLong) {
                if (line.length() + (position - start) > max) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(buffer, start, position - start);
                }
            }
            if (position < limit) {
                char end = buffer[position++];
                if (end == '\r') {
                    // CRLF is one line end
                    if (position == limit) {
                        limit = in.read(buffer, 0, buffer.length);
                        position = 0;
                        if (limit < 0) {
                            limit = 0;
                        }
                    }
                    if (position < limit && buffer[position] == '\n') {
                        position++;
                    }
                }
                number++;
                return tooLong ? "" : line.toString();
            }
        }
    }

    /** Whether the line last returned was longer than the limit (it was returned empty). */
    public boolean tooLong() {
        return tooLong;
    }

    /** The number of the line last returned, from 1. */
    public long number() {
        return number;
    }
}
