package se.atmp2030.workbook.collect.publications;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import se.atmp2030.workbook.collect.Provenance;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

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
        return List.of("publications", "affiliations_review");
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
        Table.Builder review = Table.builder("affiliations_review")
                .column("pmid", ColumnType.TEXT, "PubMed identifier")
                .column("year", ColumnType.INTEGER, "Publication year (from DP)")
                .column("affiliation", ColumnType.TEXT, "An institution of an author's affiliation (AD) in which no country, "
                        + "US state, Canadian province, Australian state or Chinese province is written")
                .column("publication_counted", ColumnType.BOOLEAN, "Whether the publication counts anyway, for a country "
                        + "another of its affiliations names (FALSE: it counts for no country)")
                .column("title", ColumnType.TEXT, "Title");
        Reading reading = new Reading();
        // Each PMID with the content it first came with (a hash, to keep a million records in little memory).
        Map<String, long[]> seen = new HashMap<>();
        long[] noCountry = {0};
        long[] unplacedCount = {0};
        long[] duplicates = {0};
        long[] revised = {0};
        for (Path path : context.files(FILES)) {
            reading.file(context.sourceFile(path, FILES.format()));
            String file = context.display(path);
            String other = MedlineReader.notMedline(path);
            if (other != null) {
                context.problems().add(file, 0, null, "is not in MEDLINE format: it looks like " + other
                        + " (in PubMed, use Save, Format: PubMed, and put that file here instead)");
                continue;
            }
            MedlineReader.Oddities oddities = new MedlineReader.Oddities();
            MedlineReader.read(path, file, oddities, record -> {
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
                long revision = revision(record.first("LR"));
                long[] before = seen.putIfAbsent(pmid, new long[] {record.fields().hashCode(), record.line(), revision});
                if (before != null) {
                    if (before[0] != record.fields().hashCode() && revision != before[2] && revision > 0 && before[2] > 0) {
                        // The same publication saved on two days, revised in between (PubMed updates records).
                        revised[0]++;
                        duplicates[0]++;
                    } else if (before[0] != record.fields().hashCode()) {
                        context.problems().add(new Problem(file, record.line(), Problem.field("PMID"), pmid
                                + " is listed again (first on line " + before[1] + ") with other content: two different "
                                + "records under one id (expected each publication once; save the search from PubMed again)"));
                    } else {
                        duplicates[0]++;
                    }
                    return;
                }
                TreeSet<String> countries = new TreeSet<>();
                java.util.Set<String> unplaced = new java.util.LinkedHashSet<>();
                for (String ad : record.all("AD")) {
                    for (String institution : Affiliations.institutions(ad)) {
                        Affiliations.country(institution).ifPresentOrElse(countries::add, () -> unplaced.add(
                                institution.strip()));
                    }
                }
                if (countries.isEmpty()) {
                    noCountry[0]++;
                }
                long y = Long.parseLong(year.group(1));
                if (y < Values.FIRST_YEAR || y > Values.lastYear()) {
                    context.problems().add(new Problem(file, record.line(), Problem.field("DP"), "\"" + Problem.shorten(dp)
                            + "\" is out of range (expected a year from " + Values.FIRST_YEAR + " to " + Values.lastYear()
                            + ")"));
                    return;
                }
                for (String institution : unplaced) {
                    review.add(pmid, y, institution, !countries.isEmpty(), record.first("TI"));
                }
                unplacedCount[0] += unplaced.size();
                for (String country : countries) {
                    boolean europe = Countries.byName(country).map(Countries.Country::europe).orElse(false);
                    table.add(pmid, y, country, europe, record.first("JT"), record.first("TI"));
                }
            });
            if (oddities.joined > 0) {
                context.problems().warn(new Problem(file, oddities.firstJoined, null, oddities.joined + (oddities.joined == 1
                        ? " record starts" : " records start") + " without a blank line before it: read as records of "
                        + "their own (a PMID line starts a record); the file was edited or joined by hand"));
            }
            if (oddities.tooLong > 0) {
                context.problems().add(new Problem(file, oddities.firstTooLong, null, oddities.tooLong + (oddities.tooLong
                        == 1 ? " line is" : " lines are") + " longer than 16 MB and not read: the file is damaged or not "
                        + "MEDLINE text"));
            }
        }
        if (noCountry[0] > 0) {
            reading.note(noCountry[0] + " publications without a recognisable country in their affiliations left out");
        }
        if (unplacedCount[0] > 0) {
            reading.note(unplacedCount[0] + " affiliations name no country, state or province (a city or an institution "
                    + "alone): each is listed on data_affiliations_review, with whether its publication counts anyway");
        }
        if (duplicates[0] > 0) {
            reading.note(duplicates[0] + " publications found twice (same PMID) counted once" + (revised[0] == 0 ? ""
                    : ", " + revised[0] + " of them in two revisions (LR): the first read kept"));
        }
        Provenance provenance = reading.provenance("PubMed (U.S. National Library of Medicine), the analysts' ATMP search",
                "https://pubmed.ncbi.nlm.nih.gov/", context.settings().retrieved("publications"));
        Table reviewed = review.build();
        return List.of(new Dataset(table.build(), "ATMP publications per country (PubMed)", provenance),
                new Dataset(reviewed, "Affiliations review: the affiliations in which no country could be read",
                        new Provenance("The tool's reading of PubMed affiliations", "", List.of(), reviewed.rowCount(), 0,
                                provenance.retrieved(), provenance.dataAsOf(), List.of())));
    }

    /** PubMed's revision date (LR, {@code 20240615}) as a number, or 0 when the record has none. */
    private static long revision(String lr) {
        return lr != null && lr.matches("\\d{8}") ? Long.parseLong(lr) : 0;
    }
}
