package se.atmp2030.workbook.collect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the text of one cell into a typed value, the way the registries and Excel write them. Every method takes the raw
 * text already trimmed and non-empty, and throws {@link InvalidValueException} saying what it expected.
 */
public final class Values {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    // Excel in Swedish and other European locales groups thousands with a space or a no-break space.
    private static final Pattern GROUPING_SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true), Map.entry("false", false),
            Map.entry("yes", true), Map.entry("no", false),
            Map.entry("y", true), Map.entry("n", false),
            Map.entry("ja", true), Map.entry("nej", false),
            Map.entry("1", true), Map.entry("0", false),
            Map.entry("sant", true), Map.entry("falskt", false));

    private Values() {
    }

    public static long integer(String raw) throws InvalidValueException {
        String text = GROUPING_SPACES.matcher(raw).replaceAll("");
        if (!INTEGER.matcher(text).matches() || text.length() > 18) {
            throw new InvalidValueException(raw, "is not a whole number", "a whole number such as 42");
        }
        return Long.parseLong(text);
    }

    public static long nonNegativeInteger(String raw) throws InvalidValueException {
        long value = integer(raw);
        if (value < 0) {
            throw new InvalidValueException(raw, "is negative", "a count of 0 or more");
        }
        return value;
    }

    public static int year(String raw) throws InvalidValueException {
        if (!raw.matches("\\d{4}") || Integer.parseInt(raw) < 1900 || Integer.parseInt(raw) > 2100) {
            throw new InvalidValueException(raw, "is not a year", "a year such as 2024");
        }
        return Integer.parseInt(raw);
    }

    /**
     * A decimal number with either separator: {@code 960619,95} or {@code 528340.97} (CORDIS mixes both, even in one
     * row). Where both appear the last one is the decimal separator ({@code 1.234,5} and {@code 1,234.5}); spaces group
     * thousands.
     */
    public static double decimal(String raw) throws InvalidValueException {
        String text = GROUPING_SPACES.matcher(raw).replaceAll("");
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            text = comma > dot ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        } else if (comma >= 0) {
            if (text.indexOf(',') != comma) {
                throw new InvalidValueException(raw, "is not a number", "a number such as 1234.5 or 1234,5");
            }
            text = text.replace(',', '.');
        }
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new InvalidValueException(raw, "is not a number", "a number such as 1234.5 or 1234,5");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(raw, "is out of range", "a number such as 1234.5 or 1234,5");
        }
        return value;
    }

    /**
     * A decimal number written with a decimal point, where a comma can only group thousands ({@code 1,234.5}): the
     * convention of comma-separated files, where a decimal comma could not stand unquoted.
     */
    public static double decimalWithPoint(String raw) throws InvalidValueException {
        if (raw.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
            return decimal(raw.replace(",", ""));
        }
        if (raw.indexOf(',') >= 0) {
            throw new InvalidValueException(raw, "is not a number", "a number with a decimal point such as 1234.5");
        }
        return decimal(raw);
    }

    /** An ISO date, {@code 2024-03-31}. */
    public static LocalDate isoDate(String raw) throws InvalidValueException {
        var m = ISO_DATE.matcher(raw);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // falls through to the message below: a well-formed but impossible date such as 2023-02-30
            }
        }
        throw new InvalidValueException(raw, "is not a date", "YYYY-MM-DD");
    }

    /**
     * A date that may name only its month, as ClinicalTrials.gov writes them: {@code 2023-03} or {@code 2023-03-15}.
     * A month alone becomes its first day; {@link #isMonthOnly(String)} tells which it was.
     */
    public static LocalDate yearMonthOrDate(String raw) throws InvalidValueException {
        var month = YEAR_MONTH.matcher(raw);
        if (month.matches()) {
            try {
                return YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))).atDay(1);
            } catch (DateTimeException e) {
                throw new InvalidValueException(raw, "is not a date", "YYYY-MM or YYYY-MM-DD");
            }
        }
        try {
            return isoDate(raw);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(raw, "is not a date", "YYYY-MM or YYYY-MM-DD");
        }
    }

    public static boolean isMonthOnly(String raw) {
        return YEAR_MONTH.matcher(raw).matches();
    }

    /** {@code true/false}, {@code yes/no}, {@code ja/nej}, {@code 1/0}, in any case. */
    public static boolean bool(String raw) throws InvalidValueException {
        Boolean value = BOOLEANS.get(raw.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new InvalidValueException(raw, "is not yes or no", "yes/no, true/false, ja/nej or 1/0");
        }
        return value;
    }

    /**
     * One of a fixed set of words, matched without regard to case, spaces, hyphens or underscores; returns the canonical
     * spelling. {@code choices} maps each accepted spelling to its canonical form.
     */
    public static String oneOf(String raw, Map<String, String> choices, String expected) throws InvalidValueException {
        String canonical = choices.get(fold(raw));
        if (canonical == null) {
            throw new InvalidValueException(raw, "is not a known value", expected);
        }
        return canonical;
    }

    /** The map {@link #oneOf} takes, from pairs of accepted spelling and canonical form. */
    public static Map<String, String> choices(String... spellingThenCanonical) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < spellingThenCanonical.length; i += 2) {
            map.put(fold(spellingThenCanonical[i]), spellingThenCanonical[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** Lower case without spaces, hyphens, underscores or dots: the key {@link #oneOf} and header matching compare. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString();
    }
}
