package se.atmp2030.workbook.analyze;

import java.util.List;

/**
 * A KPI as the catalogue documents it. A key ending in {@code .<member>} stands for one KPI per member, e.g.
 * {@code jobs.postings.<country>} gives {@code jobs.postings.denmark}.
 */
public record KpiDefinition(String key, String label, String unit, String definition, List<String> sources, Kind kind) {
    public KpiDefinition {
        sources = List.copyOf(sources);
    }

    /** What a KPI measures in time, which decides what a year not over does to it. */
    public enum Kind {
        /** A count or sum over the period: while its last year is not over, a lower bound ("at least"). */
        COUNT("count over the period: a lower bound while its last year is not over"),
        /** A level on a day (employees at year end): a year not over makes it provisional, never a lower bound. */
        LEVEL("level on a day: provisional while its year is not over; it may still fall, and is compared as it is"),
        /** How things stand on the day the data was taken (the register, the assessments). */
        STATE("as things stand on the day the data was taken"),
        /** A count of what is under way on the day, which the registry reports late: a lower bound. */
        ACTIVE("under way on the day the data was taken: a lower bound, since registries lag (a trial's status is "
                + "updated after the fact)"),
        /** A rank or a leader among members compared over the same dates. */
        RANK("a rank or leader among members compared over the same dates: never a lower bound"),
        /** A trend fitted to the complete years only. */
        TREND("fitted to complete years only: never a lower bound");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind in words, for KPIS.md. */
        public String words() {
            return words;
        }
    }

    /** Whether this definition stands for one KPI per member of a dimension. */
    public boolean perMember() {
        return key.endsWith(">");
    }

    /** The key without its {@code .<member>} part. */
    public String prefix() {
        return perMember() ? key.substring(0, key.lastIndexOf('.')) : key;
    }
}
