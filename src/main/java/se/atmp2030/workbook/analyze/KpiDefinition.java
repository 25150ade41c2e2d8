package se.atmp2030.workbook.analyze;

import java.util.List;

/**
 * A KPI as the catalogue documents it. A key ending in {@code .<member>} stands for one KPI per member, e.g.
 * {@code jobs.postings.<country>} gives {@code jobs.postings.denmark}.
 */
public record KpiDefinition(String key, String label, String unit, String definition, List<String> sources) {
    public KpiDefinition {
        sources = List.copyOf(sources);
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
