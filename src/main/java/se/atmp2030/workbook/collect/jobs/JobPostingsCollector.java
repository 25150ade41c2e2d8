package se.atmp2030.workbook.collect.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.atmp2030.workbook.collect.AnalystCsv;
import se.atmp2030.workbook.collect.AnalystCsv.Field;
import se.atmp2030.workbook.collect.AtmpRules;
import se.atmp2030.workbook.collect.CollectContext;
import se.atmp2030.workbook.collect.Collector;
import se.atmp2030.workbook.collect.ColumnType;
import se.atmp2030.workbook.collect.Countries;
import se.atmp2030.workbook.collect.CsvDialect;
import se.atmp2030.workbook.collect.CsvSource;
import se.atmp2030.workbook.collect.Dataset;
import se.atmp2030.workbook.collect.InputSpec;
import se.atmp2030.workbook.collect.Problem;
import se.atmp2030.workbook.collect.InvalidValueException;
import se.atmp2030.workbook.collect.JsonLines;
import se.atmp2030.workbook.collect.JsonRecord;
import se.atmp2030.workbook.collect.Reading;
import se.atmp2030.workbook.collect.Table;
import se.atmp2030.workbook.collect.Values;

/**
 * Nordic ATMP job postings: the Swedish ones from JobTech's historical ads (JSON Lines, plain or zipped, filtered here by
 * the {@code [job ads]} terms of the classification rules, {@link AtmpRules}), the other Nordic countries from the CSV the analysts assemble from NAV, Jobnet and the Finnish
 * job boards, which have no open bulk format.
 */
final class JobPostingsCollector implements Collector {
    static final InputSpec JOBTECH = new InputSpec("job-postings/**.{jsonl,jsonl.zip,jsonl.gz,zip,json}",
            "JobTech historical ads: {year}.jsonl.zip, {year}.zip, {year}.jsonl, {year}.jsonl.gz or {year}.json", true);
    static final InputSpec NORDIC = new InputSpec("job-postings/*.csv",
            "analyst CSV: Id, Publication date, Country, Employer, Title, Source", true);
    private static final Set<String> NORDIC_COUNTRIES = Set.of("Sweden", "Denmark", "Norway", "Finland", "Iceland");

    static final List<Field> NORDIC_FIELDS = List.of(
            Field.text("Id", "id", true, "Posting id at its source"),
            Field.of("Publication date", "publication_date", ColumnType.DATE, true, Values::isoDate, "Day the ad was published"),
            Field.of("Country", "country", ColumnType.TEXT, true, JobPostingsCollector::nordicCountry, "Country of the workplace"),
            Field.text("Employer", "employer", false, "Employer"),
            Field.text("Title", "title", true, "Job title"),
            Field.text("Source", "source", false, "Where the ad was found"));

    @Override
    public String name() {
        return "job-postings";
    }

    /** The first ATMP term in the texts, as the rules spell it; {@code null} for an ad without one. */
    static String firstTerm(AtmpRules.Terms terms, String... texts) {
        for (String text : texts) {
            java.util.Optional<String> found = terms.findTerm(text);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    @Override
    public String description() {
        return "Nordic ATMP job postings: JobTech ads for Sweden, analyst CSV for the other Nordic countries";
    }

    @Override
    public List<String> datasets() {
        return List.of("job_postings");
    }

    @Override
    public List<InputSpec> inputs() {
        return List.of(JOBTECH, NORDIC);
    }

    @Override
    public List<Dataset> collect(CollectContext context) throws IOException {
        Table.Builder table = Table.builder("job_postings")
                .column("id", ColumnType.TEXT, "Posting id at its source")
                .column("source", ColumnType.TEXT, "Where the ad comes from: JobTech or the job board the analysts used")
                .column("country", ColumnType.TEXT, "Country of the workplace")
                .column("publication_date", ColumnType.DATE, "Day the ad was published")
                .column("year", ColumnType.INTEGER, "Year the ad was published")
                .column("employer", ColumnType.TEXT, "Employer")
                .column("title", ColumnType.TEXT, "Job title")
                .column("region", ColumnType.TEXT, "Region of the workplace, where the source says")
                .column("atmp_term", ColumnType.TEXT, "The ATMP term that selected the ad (empty: selected by the analysts)");
        Reading reading = new Reading();
        AtmpRules.Terms terms = context.atmpRules().jobTerms();
        Set<String> seen = new HashSet<>();
        long[] notAtmp = {0};
        long[] duplicates = {0};
        java.util.SortedSet<Integer> fileYears = new java.util.TreeSet<>();
        for (Path path : context.files(JOBTECH)) {
            reading.file(context.sourceFile(path, JOBTECH.format()));
            int[] adYears = {Integer.MAX_VALUE, Integer.MIN_VALUE};
            JsonLines.forEach(path, context.display(path), context.problems(), ad -> {
                String id = ad.requiredText("id");
                LocalDate published = ad.required("publication_date", JobPostingsCollector::dateTime);
                reading.record(ad.ok());
                if (!ad.ok()) {
                    return;
                }
                adYears[0] = Math.min(adYears[0], published.getYear());
                adYears[1] = Math.max(adYears[1], published.getYear());
                String title = ad.text("headline");
                String term = firstTerm(terms, title, occupation(ad), ad.text("description.text"));
                if (term == null) {
                    notAtmp[0]++;
                } else if (!seen.add("JobTech/" + id)) {
                    duplicates[0]++;
                } else {
                    String country = ad.text("workplace_address.country");
                    country = country == null ? "Sweden" : Countries.byName(country).map(Countries.Country::name).orElse(country);
                    reading.asOf(published);
                    table.add(id, "JobTech", country, published, (long) published.getYear(), ad.text("employer.name"),
                            title, ad.text("workplace_address.region"), term);
                }
            });
            // JobTech publishes a file per year ({year}.jsonl.zip): the file covers Sweden in that year, ATMP ads in it
            // or not; a file without a year in its name covers the years of its ads.
            Integer named = yearOf(path.getFileName().toString());
            if (named != null) {
                fileYears.add(named);
            } else {
                for (int y = adYears[0]; y <= adYears[1]; y++) {
                    fileYears.add(y);
                }
            }
        }
        fileYears.forEach(year -> reading.covers("Sweden", year));
        if (!fileYears.isEmpty()) {
            reading.note("JobTech ads cover Sweden in " + spans(fileYears) + " (a file per year); in another year Sweden "
                    + "is missing, not 0, and the Nordic total a lower bound");
        }
        Map<String, Object[]> nordicSeen = new java.util.HashMap<>();
        for (Path path : context.files(NORDIC)) {
            reading.file(context.sourceFile(path, NORDIC.format()));
            CsvSource csv = CsvSource.open(path, context.display(path), CsvDialect.detect(path), context.problems());
            if (!AnalystCsv.requireColumns(csv, NORDIC_FIELDS)) {
                continue;
            }
            csv.forEach(record -> {
                Object[] v = new Object[NORDIC_FIELDS.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = AnalystCsv.value(csv, record, NORDIC_FIELDS.get(i));
                }
                reading.record(record.ok());
                if (!record.ok()) {
                    return;
                }
                String source = v[5] == null ? "analysts" : (String) v[5];
                Object[] before = nordicSeen.putIfAbsent(source + "/" + v[0], new Object[] {v.clone(), record.line()});
                if (before != null) {
                    if (java.util.Arrays.equals((Object[]) before[0], v)) {
                        duplicates[0]++;
                    } else {
                        record.fail("Id", "\"" + Problem.shorten((String) v[0]) + "\" of " + source + " is listed again "
                                + "(first on line " + before[1] + ") with other values: which is right? (expected each "
                                + "posting once)");
                    }
                    return;
                }
                LocalDate published = (LocalDate) v[1];
                reading.asOf(published);
                table.add(v[0], source, v[2], published, (long) published.getYear(), v[3], v[4], null, null);
            });
        }
        if (notAtmp[0] > 0) {
            reading.note(notAtmp[0] + " JobTech ads without an ATMP term left out");
        }
        if (duplicates[0] > 0) {
            reading.note(duplicates[0] + " postings seen twice (same source and id) counted once");
        }
        return List.of(new Dataset(table.build(), "Nordic ATMP job postings",
                reading.provenance("JobTech historical ads (Arbetsförmedlingen, CC0); NAV, Jobnet and Finnish job boards via the analysts",
                        "https://data.jobtechdev.se/annonser/historiska/index.html", context.settings().retrieved("job_postings"))));
    }

    /** The year a JobTech file is named for, {@code 2023.jsonl.zip} or {@code 2024-open-ads.jsonl}; else null. */
    static Integer yearOf(String fileName) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^((?:19|20)\\d\\d)(?!\\d)").matcher(fileName);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** {@code 2019–2021, 2023}: years as runs. */
    static String spans(java.util.SortedSet<Integer> years) {
        List<String> runs = new java.util.ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int y : years) {
            if (start != null && y != previous + 1) {
                runs.add(start.equals(previous) ? String.valueOf(start) : start + "–" + previous);
                start = null;
            }
            if (start == null) {
                start = y;
            }
            previous = y;
        }
        if (start != null) {
            runs.add(start.equals(previous) ? String.valueOf(start) : start + "–" + previous);
        }
        return String.join(", ", runs);
    }

    private static String occupation(JsonRecord ad) {
        JsonNode occupation = ad.at("occupation");
        if (!occupation.isMissingNode() && !occupation.isNull() && !occupation.isContainerNode()) {
            ad.fail("occupation", "is " + (occupation.isNumber() ? "a number" : "a text") + " (expected an object "
                    + "{\"label\": ...} or a list of them)");
            return null;
        }
        if (occupation.isArray()) {
            StringBuilder labels = new StringBuilder();
            occupation.forEach(o -> labels.append(o.path("label").asText("")).append(' '));
            return labels.toString();
        }
        return occupation.path("label").asText(null);
    }

    /** JobTech writes {@code 2019-10-05T05:00:02}; the day is what counts. */
    static LocalDate dateTime(String raw) throws InvalidValueException {
        String day = raw.length() >= 10 ? raw.substring(0, 10) : raw;
        try {
            return Values.isoDate(day);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(raw, "is not a date and time", "YYYY-MM-DDThh:mm:ss");
        }
    }

    static String nordicCountry(String raw) throws InvalidValueException {
        return Countries.byNameOrCode(raw).map(Countries.Country::name).filter(NORDIC_COUNTRIES::contains)
                .orElseThrow(() -> new InvalidValueException(raw, "is not a Nordic country",
                        "Denmark, Norway, Finland, Iceland or Sweden, or their codes DK, NO, FI, IS, SE"));
    }
}
