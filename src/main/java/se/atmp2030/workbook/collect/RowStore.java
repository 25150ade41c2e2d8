package se.atmp2030.workbook.collect;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of a table: the first ones in memory, the rest spilled to a temporary file in a compact binary form, so
 * that a million-row dataset does not need a million arrays of boxed values on the heap. Read back in order, as often
 * as needed, one row at a time.
 */
final class RowStore implements Iterable<Object[]> {
    /** Rows kept in memory before the rest goes to disk; {@code -Datmp.table.memoryRows=N} changes it. */
    static final int MEMORY_ROWS = Integer.getInteger("atmp.table.memoryRows", 50_000);

    private final List<Column> columns;
    private final int memoryRows;
    private final List<Object[]> memory = new ArrayList<>();
    private Path file;
    private DataOutputStream out;
    private int count;

    RowStore(List<Column> columns) {
        this(columns, MEMORY_ROWS);
    }

    RowStore(List<Column> columns, int memoryRows) {
        this.columns = List.copyOf(columns);
        this.memoryRows = memoryRows;
    }

    void add(Object[] row) {
        count++;
        if (memory.size() < memoryRows && file == null) {
            memory.add(row);
            return;
        }
        try {
            if (out == null) {
                file = Files.createTempFile("atmp-table-", ".rows");
                file.toFile().deleteOnExit();
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill table rows to a temporary file", e);
        }
    }

    /** Ends writing; the store is read-only from here on. */
    void seal() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }

    int size() {
        return count;
    }

    @Override
    public Iterator<Object[]> iterator() {
        Iterator<Object[]> inMemory = memory.iterator();
        return new Iterator<>() {
            private DataInputStream in;
            private Object[] next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (inMemory.hasNext()) {
                    next = inMemory.next();
                    return true;
                }
                if (done || file == null) {
                    return false;
                }
                try {
                    if (in == null) {
                        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                    }
                    next = read(in);
                    if (next == null) {
                        done = true;
                        in.close();
                    }
                    return next != null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spilled table rows back", e);
                }
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object[] row = next;
                next = null;
                return row;
            }
        };
    }

    private void write(Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                out.writeByte(0);
                continue;
            }
            out.writeByte(1);
            switch (columns.get(i).type()) {
                case TEXT -> {
                    byte[] bytes = ((String) v).getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
                case INTEGER -> out.writeLong((Long) v);
                case DECIMAL -> out.writeDouble((Double) v);
                case DATE -> out.writeInt((int) ((LocalDate) v).toEpochDay());
                case BOOLEAN -> out.writeBoolean((Boolean) v);
            }
        }
    }

    private Object[] read(DataInputStream in) throws IOException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            int present;
            try {
                present = in.readByte();
            } catch (EOFException e) {
                if (i == 0) {
                    return null;
                }
                throw e;
            }
            if (present == 0) {
                continue;
            }
            row[i] = switch (columns.get(i).type()) {
                case TEXT -> {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    yield new String(bytes, StandardCharsets.UTF_8);
                }
                case INTEGER -> in.readLong();
                case DECIMAL -> in.readDouble();
                case DATE -> LocalDate.ofEpochDay(in.readInt());
                case BOOLEAN -> in.readBoolean();
            };
        }
        return row;
    }
}
