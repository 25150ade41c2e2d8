package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.atmp2030.workbook.collect.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobTech's historical ads, one {@code <year>.jsonl.zip} per year from {@code from} (in
 * {@code inputs/fetch/job_postings.txt}) to the report year, into {@code job-postings/jobtech/}. They are gigabytes:
 * streamed to disk, resumed where a dropped connection left them, and not fetched again while unchanged. A year not yet
 * published (the year in progress) is said and skipped.
 */
final class JobTechSource extends Source {
    private static final Logger LOG = LoggerFactory.getLogger(JobTechSource.class);

    /** The JobSearch API, for the year in progress: {@code source.job_postings_search} replaces it. */
    static final URI SEARCH = URI.create("https://jobsearch.api.jobtechdev.se");
    /** JobSearch pages hold at most 100 ads and stop at offset 2,000. */
    private static final int LIMIT = 100;
    private static final int MAX_OFFSET = 2_000;

    JobTechSource() {
        super("job_postings", "JobTech historical ads, {year}.jsonl.zip", "https://data.jobtechdev.se/annonser/historiska");
    }

    @Override
    List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException {
        int from;
        try {
            from = Integer.parseInt(context.query().get("from", String.valueOf(context.year() - 5)).strip());
        } catch (NumberFormatException e) {
            throw new FetchException(dataset(), "inputs/" + context.query().file() + ": from is not a year");
        }
        String pattern = context.query().get("file", "{year}.jsonl.zip");
        List<Manifest.Entry> entries = new ArrayList<>();
        for (int year = from; year <= context.year(); year++) {
            String file = pattern.replace("{year}", String.valueOf(year));
            try {
                entries.add(Downloads.fetch(context, context.at(file), "job-postings/jobtech/" + file, null,
                        Downloads.zipWith(".jsonl")));
            } catch (FetchException e) {
                if (year == context.year() && e.getMessage().contains("HTTP 404")) {
                    LOG.warn("job_postings: {} is not published yet (JobTech publishes a year's ads after it ends); the "
                            + "ads of {} open today are taken from the JobSearch API", file, year);
                    entries.add(openAds(context, year));
                    continue;
                }
                throw e;
            }
        }
        return entries;
    }

    /**
     * The ads of the year in progress that are open today, from the JobSearch API: one search per term of
     * {@code search} in the query file (the API's free text), published in the year, each paged to its end; every ad
     * once, as one JSON line, in {@code job-postings/jobtech/<year>-open-ads.jsonl}. Ads already closed are not there:
     * the year's count is a lower bound until its historical file is published.
     */
    private Manifest.Entry openAds(FetchContext context, int year) throws IOException, FetchException {
        URI base = context.bases().getOrDefault("job_postings_search", SEARCH);
        String key = System.getenv("JOBTECH_API_KEY");
        Map<String, String> headers = key == null || key.isBlank() ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "api-key", key);
        Map<String, String> ads = new LinkedHashMap<>();
        String first = null;
        for (String term : context.query().required(dataset(), "search").split("\\s*,\\s*")) {
            if (term.isBlank()) {
                continue;
            }
            for (int offset = 0; ; offset += LIMIT) {
                String at = (base.toString().endsWith("/") ? base.toString() : base + "/") + "search?q="
                        + FetchContext.encode(term) + "&published-after=" + year + "-01-01T00:00:00&offset=" + offset
                        + "&limit=" + LIMIT;
                URI uri = URI.create(at);
                first = first == null ? at : first;
                JsonNode page;
                try {
                    page = Json.MAPPER.readTree(context.http().get(dataset(), uri, headers).body());
                } catch (IOException e) {
                    page = null;
                }
                if (page == null || !page.path("hits").isArray()) {
                    throw new FetchException(dataset(), uri + " answered no search result (expected {\"total\": ..., "
                            + "\"hits\": [...]}): the JobSearch API may have changed");
                }
                for (JsonNode ad : page.path("hits")) {
                    if (ad.path("id").isTextual() || ad.path("id").isNumber()) {
                        ads.putIfAbsent(ad.path("id").asText(), Json.MAPPER.writeValueAsString(ad));
                    }
                }
                long total = page.path("total").path("value").asLong(0);
                if (page.path("hits").size() < LIMIT || offset + LIMIT >= total) {
                    break;
                }
                if (offset + LIMIT >= MAX_OFFSET) {
                    LOG.warn("job_postings: \"{}\" finds {} open ads; the JobSearch API gives the first {}", term,
                            total, MAX_OFFSET);
                    break;
                }
            }
        }
        Path staged = Staging.folder(context.inputs(), dataset()).resolve(year + "-open-ads.jsonl");
        Files.write(staged, ads.values(), StandardCharsets.UTF_8);
        LOG.info("job_postings: {} ads of {} open today", ads.size(), year);
        Path target = Staging.publish(staged, context.inputs().resolve("job-postings/jobtech/" + year + "-open-ads.jsonl"));
        return context.entry(target, URI.create(first), year + ": " + ads.size() + " ads open on the day");
    }
}
