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
                .append("\n## Units and periods: one rule each\n\n")
                .append("- **The report year cuts every figure.** Rows dated after `year` in report.properties (a trial's start year,\n")
                .append("  a decision's date, a company's founding year, any other dataset's `year`) are left out of every KPI, series\n")
                .append("  and trend; the data sheets keep them and the Build report says how many.\n")
                .append("- **A count over a year not over is a lower bound.** A dataset's data was taken on its `retrieved.<dataset>`\n")
                .append("  date (else the newest date in its files; with neither, a warning, and its last year counts as complete; a\n")
                .append("  file with rows dated after that date was taken later, and the later day is used, with a notice). For a\n")
                .append("  count over the year (kind `count`), the year in progress on that day is marked on Series (`lower_bound`) and\n")
                .append("  on KPIs (a note; `atleast` says \"at least\", `sofar` says \"so far in\"). Trends leave it out. A change into\n")
                .append("  it is given only when it is a rise (which the rest of the year can only make larger), marked as a lower bound\n")
                .append("  (`counting` says \"and counting\"); a fall or no change into it, and any change from it, is not computed.\n")
                .append("  Active trials (kind `active`) are a lower bound too: registries lag. Rankings of one year use the latest\n")
                .append("  complete year; rankings over a period compare every member on the same dates; equal figures share a rank.\n")
                .append("- **A level on a day is provisional, never a lower bound.** Employees at year end (kind `level`) taken before\n")
                .append("  the year is over may still fall: the figure is shown, compared and fitted as it is, with a note saying it is\n")
                .append("  provisional. KPIs of how things stand on the day (kind `state`: companies in the register, products\n")
                .append("  recommended), ranks (kind `rank`) and trends (kind `trend`) are no lower bound.\n")
                .append("- **Zero is zero, missing is missing.** A count is 0 in a year its source covers without a record: from the\n")
                .append("  source's first year with data to the report year (or the year its data was taken, if earlier); a country\n")
                .append("  with population data and no publication in such a year has 0 per million. A year no source covers is\n")
                .append("  missing, never 0 (Sweden's job ads in a year without a JobTech file).\n")
                .append("- **A total missing a member is a lower bound.** A company expected in a year (founded by then) without an\n")
                .append("  employee figure, or a country whose job-ad source does not cover the year, makes that year's total a lower\n")
                .append("  bound with a note naming them; a country is missing, not zero, in years its source does not cover.\n")
                .append("- **Started means started.** A trial counts as started in its start year unless it is withdrawn, not yet\n")
                .append("  recruiting, or its start date is after the day the data was taken.\n")
                .append("- **Products, not rows.** NT-rådet lists a product once per indication; each product counts once, under its\n")
                .append("  most advanced status: recommended, then under assessment, then not recommended.\n")
                .append("- **Trend words need a significant trend.** `trend` gives a direction only where the regression's p-value\n")
                .append("  is below 0.05; otherwise \"holds steady\".\n\n")
                .append("Kinds: ");
        for (KpiDefinition.Kind kind : KpiDefinition.Kind.values()) {
            md.append(kind.ordinal() == 0 ? "" : "; ").append('`').append(kind.name().toLowerCase(java.util.Locale.ROOT))
                    .append("`, ").append(kind.words());
        }
        md.append(".\n\n")
                .append("| key | label | unit | kind | definition | from datasets |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (KpiDefinition d : KpiCatalogue.DEFINITIONS) {
            md.append("| `").append(d.key()).append("` | ").append(d.label()).append(" | ").append(d.unit()).append(" | ")
                    .append(d.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ").append(d.definition()).append(" | ").append(String.join(", ", d.sources())).append(" |\n");
        }
        return md.toString();
    }
}
