package se.atmp2030.workbook.analyze;

/** The KPI catalogue as Markdown, generated from {@link KpiCatalogue#DEFINITIONS} so that it cannot drift from the code. */
public final class KpiCatalogueDoc {
    private KpiCatalogueDoc() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# KPI catalogue\n\n")
                .append("Generated from the code by `java -jar target/atmp-workbook.jar kpis`; a test fails when this file is stale.\n")
                .append("Use a key in `key-insights.txt` as `${kpi.<key>}` (see the formats there). A key ending in `.<member>`\n")
                .append("stands for one KPI per member, named in lower case with `_` for spaces: `jobs.postings.sweden`,\n")
                .append("`recommendations.recommended.car_t`, `patients.luxturna`. Values in `percent` are fractions (0.25 is 25%).\n")
                .append("A KPI whose period ends in a year that was not over when its data was taken is a lower bound\n")
                .append("(the `atleast` format says \"at least\").\n\n")
                .append("| key | label | unit | definition | from datasets |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (KpiDefinition d : KpiCatalogue.DEFINITIONS) {
            md.append("| `").append(d.key()).append("` | ").append(d.label()).append(" | ").append(d.unit()).append(" | ")
                    .append(d.definition()).append(" | ").append(String.join(", ", d.sources())).append(" |\n");
        }
        return md.toString();
    }
}
