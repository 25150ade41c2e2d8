package se.atmp2030.workbook.collect.publications;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Countries;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;

/**
 * ATMP publications per country and year from a PubMed MEDLINE export of the analysts' ATMP search. Whole counting: a
 * publication counts once for every country among its authors' affiliations, so the table has one row per publication
 * and country.
 */
final class PublicationsCollector implements Collector {
    static final InputSpec FILES = new InputSpec("publications/*.{txt,nbib,medline,csv,xml}",
            "PubMed export in MEDLINE format (Save, Format: PubMed)", true);
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    @Override
    public String name() {
        return "publications";
    }

    @Override
    public String description() {
        return "ATMP publications per country and year from PubMed (MEDLINE format)";
    }

    @Override
    public List<String> datasets() {
        return List.of("publications");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(FILES);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Table.Builder table = Table.builder("publications")
                .column("pmid", ColumnType.TEXT, "PubMed identifier")
                .column("year", ColumnType.INTEGER, "Publication year (from DP)")
                .column("country", ColumnType.TEXT, "A country among the authors' affiliations")
                .column("europe", ColumnType.BOOLEAN, "Whether the country is in Europe")
                .column("journal", ColumnType.TEXT, "Journal")
                .column("title", ColumnType.TEXT, "Title");
        Reading reading = new Reading();
        Set<String> seen = new HashSet<>();
        long[] noCountry = {0};
        long[] duplicates = {0};
        for (Path path : context.files(FILES)) {
            reading.file(context.sourceFile(path, FILES.format()));
            String file = context.display(path);
            String other = MedlineReader.notMedline(path);
            if (other != null) {
                context.problems().add(file, 0, null, "is not in MEDLINE format: it looks like " + other
                        + " (in PubMed, use Save, Format: PubMed, and put that file here instead)");
                continue;
            }
            MedlineReader.read(path, record -> {
                String pmid = record.first("PMID");
                String dp = record.first("DP");
                boolean ok = true;
                if (pmid == null || !pmid.matches("\\d+")) {
                    context.problems().add(new Problem(file, record.line(), Problem.field("PMID"), pmid == null ? "is missing (every record starts with PMID- )"
                            : "\"" + pmid + "\" is not a PubMed id (expected digits)"));
                    ok = false;
                }
                Matcher year = dp == null ? null : YEAR.matcher(dp);
                if (year == null || !year.find()) {
                    context.problems().add(new Problem(file, record.line(), Problem.field("DP"), dp == null ? "is missing (expected the publication date, e.g. 2022 May)"
                            : "\"" + dp + "\" has no year (expected a date that starts with the year, e.g. 2022 May)"));
                    ok = false;
                }
                reading.record(ok);
                if (!ok) {
                    return;
                }
                if (!seen.add(pmid)) {
                    duplicates[0]++;
                    return;
                }
                TreeSet<String> countries = Affiliations.countries(record.all("AD"));
                if (countries.isEmpty()) {
                    noCountry[0]++;
                }
                long y = Long.parseLong(year.group(1));
                for (String country : countries) {
                    boolean europe = Countries.byName(country).map(Countries.Country::europe).orElse(false);
                    table.add(pmid, y, country, europe, record.first("JT"), record.first("TI"));
                }
            });
        }
        if (noCountry[0] > 0) {
            reading.note(noCountry[0] + " publications without a recognisable country in their affiliations left out");
        }
        if (duplicates[0] > 0) {
            reading.note(duplicates[0] + " publications found twice (same PMID) counted once");
        }
        return List.of(new Dataset(table.build(), "ATMP publications per country (PubMed)",
                reading.provenance("PubMed (U.S. National Library of Medicine), the analysts' ATMP search",
                        "https://pubmed.ncbi.nlm.nih.gov/", context.settings().retrieved("publications"))));
    }
}
