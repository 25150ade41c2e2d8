package se.atmp2030.workbook.collect;

/**
 * One record of an input file while it is read: typed access to its fields that reports every bad value as a
 * {@link Problem} with file, line, field and value, and remembers whether the record is still good. A reader asks for all
 * the fields it needs, then keeps the record only if {@link #ok()}, so that a user sees every bad value of a record at
 * once.
 */
public abstract class InputRecord {
    /** Parses one non-empty, trimmed value. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String raw) throws InvalidValueException;
    }

    private final Problems problems;
    private final String file;
    private final long line;
    private boolean ok = true;

    protected InputRecord(Problems problems, String file, long line) {
        this.problems = problems;
        this.file = file;
        this.line = line;
    }

    /** The field's text, trimmed; {@code null} when the field is missing or blank. */
    protected abstract String raw(String field);

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** Optional text: {@code null} when blank. */
    public String text(String field) {
        return raw(field);
    }

    /** Text that must be there: a blank value is reported and {@code null} returned. */
    public String requiredText(String field) {
        String value = raw(field);
        if (value == null) {
            fail(field, "is empty (a value is required)");
        }
        return value;
    }

    /** An optional typed value: blank gives {@code null}; a bad value is reported and gives {@code null}. */
    public <T> T optional(String field, Parser<T> parser) {
        String value = raw(field);
        return value == null ? null : parse(field, value, parser);
    }

    /** A typed value that must be there. */
    public <T> T required(String field, Parser<T> parser) {
        String value = raw(field);
        if (value == null) {
            fail(field, "is empty (a value is required)");
            return null;
        }
        return parse(field, value, parser);
    }

    private <T> T parse(String field, String value, Parser<T> parser) {
        try {
            return parser.parse(value);
        } catch (InvalidValueException e) {
            fail(field, e.getMessage());
            return null;
        }
    }

    /** Reports a problem with one field and marks the record bad. */
    public void fail(String field, String message) {
        ok = false;
        problems.add(new Problem(file, line, where(field), message));
    }

    /** How messages name a field: {@code column "X"} in tables, {@code field "x.y"} in JSON. */
    protected String where(String field) {
        return Problem.column(field);
    }

    /** Whether every value asked for so far was good. */
    public boolean ok() {
        return ok;
    }
}
