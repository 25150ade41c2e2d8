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
        long value = Long.parseLong(text);
        if (Math.abs(value) > MAX_MAGNITUDE) {
            throw new InvalidValueException(raw, "is out of range", "a number of at most 15 digits");
        }
        return value;
    }

    /**
     * The largest number any column takes: no count, amount or population comes near it, and sums of millions of such
     * values stay exact enough and finite (a value near 1e308 would make every total infinite).
     */
    public static final double MAX_MAGNITUDE = 1e15;

    public static long nonNegativeInteger(String raw) throws InvalidValueException {
        long value = integer(raw);
        if (value < 0) {
            throw new InvalidValueException(raw, "is negative", "a count of 0 or more");
        }
        return value;
    }

    /** The first year a record may be dated. */
    public static final int FIRST_YEAR = 1900;
    /** Years a plan (a trial's start, a project's end) may lie beyond the last year a record may be dated. */
    public static final int PLAN_YEARS = 10;
    private static volatile int lastYear = java.time.Year.now().getValue() + 1;

    /**
     * The last year a record may be dated: the report year and the one after (data taken early in the next year). Set
     * by the build from the report year; before that, the year after this one.
     */
    public static void lastYear(int year) {
        lastYear = year;
    }

    public static int lastYear() {
        return lastYear;
    }

    /** A year from 1900 to the report year + 1: what a record of the report can be dated. */
    public static int year(String raw) throws InvalidValueException {
        if (!raw.matches("\\d{4}")) {
            throw new InvalidValueException(raw, "is not a year", "a year such as 2024");
        }
        int year = Integer.parseInt(raw);
        if (year < FIRST_YEAR || year > lastYear) {
            throw new InvalidValueException(raw, "is out of range", "a year from " + FIRST_YEAR + " to " + lastYear);
        }
        return year;
    }

    private static LocalDate inRange(String raw, LocalDate date, int latest) throws InvalidValueException {
        if (date.getYear() < FIRST_YEAR || date.getYear() > latest) {
            throw new InvalidValueException(raw, "is out of range", "a date from " + FIRST_YEAR + " to " + latest);
        }
        return date;
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
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            throw new InvalidValueException(raw, "is out of range", "a number of at most 15 digits before the decimal "
                    + "separator");
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

    /** An ISO date, {@code 2024-03-31}, from 1900 to the end of the report year + 1. */
    public static LocalDate isoDate(String raw) throws InvalidValueException {
        return inRange(raw, anyIsoDate(raw), lastYear);
    }

    /**
     * The day a dataset's data was taken: any day from 1900 to today (data of 2024 may well be fetched in 2026), never
     * a day still to come.
     */
    public static LocalDate retrievalDate(String raw) throws InvalidValueException {
        LocalDate date = anyIsoDate(raw);
        if (date.getYear() < FIRST_YEAR || date.isAfter(LocalDate.now().plusDays(1))) {
            throw new InvalidValueException(raw, "is not a day the data can have been taken", "a date from "
                    + FIRST_YEAR + " to today");
        }
        return date;
    }

    /** An ISO date of a plan (a project's start or end): up to {@link #PLAN_YEARS} years further. */
    public static LocalDate planDate(String raw) throws InvalidValueException {
        return inRange(raw, anyIsoDate(raw), lastYear + PLAN_YEARS);
    }

    private static LocalDate anyIsoDate(String raw) throws InvalidValueException {
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
        LocalDate date;
        if (month.matches()) {
            try {
                date = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))).atDay(1);
            } catch (DateTimeException e) {
                throw new InvalidValueException(raw, "is not a date", "YYYY-MM or YYYY-MM-DD");
            }
        } else {
            try {
                date = anyIsoDate(raw);
            } catch (InvalidValueException e) {
                throw new InvalidValueException(raw, "is not a date", "YYYY-MM or YYYY-MM-DD");
            }
        }
        // A registry's dates include plans: a start estimated some years ahead is normal.
        return inRange(raw, date, lastYear + PLAN_YEARS);
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

    /**
     * The text without the characters a value must not carry: byte order marks (U+FEFF) met inside a file (it was
     * joined from files that each began with one) and control characters a spreadsheet cell cannot hold (all below
     * U+0020 but tab, line feed and carriage return; U+FFFE, U+FFFF; halves of surrogate pairs). Each one removed is
     * counted in {@code removed} (may be null).
     */
    public static String clean(String text, Cleaning.Counter removed) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && allowed(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int j = 0; j < text.length(); j++) {
            if (allowed(text, j)) {
                out.append(text.charAt(j));
            } else if (removed != null) {
                removed.count(text.charAt(j) == '\uFEFF');
            }
        }
        return out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return true;
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return true;
    }

    /** What {@link #clean} removed from one file's values, reported once at its end. */
    public static final class Cleaning {
        private long boms;
        private long controls;
        private long firstBom;
        private long firstControl;

        /** A counter for the values of one record, starting on this line. */
        public Counter at(long line) {
            return bom -> {
                if (bom) {
                    firstBom = boms++ == 0 ? line : firstBom;
                } else {
                    firstControl = controls++ == 0 ? line : firstControl;
                }
            };
        }

        /** One warning per kind removed, with how many and the first line. */
        public void report(String file, Problems problems) {
            if (boms > 0) {
                problems.warn(new Problem(file, firstBom, null, boms + (boms == 1 ? " byte order mark" : " byte order marks")
                        + " (U+FEFF) inside the file removed from the values: the file looks joined from files that each "
                        + "began with one; check the lines around it"));
            }
            if (controls > 0) {
                problems.warn(new Problem(file, firstControl, null, controls + (controls == 1 ? " control character"
                        : " control characters") + " removed from the values (a spreadsheet cell cannot hold them)"));
            }
        }

        /** Counts one character removed. */
        @FunctionalInterface
        public interface Counter {
            void count(boolean bom);
        }
    }
}
