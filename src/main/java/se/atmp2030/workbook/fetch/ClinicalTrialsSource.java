package se.atmp2030.workbook.fetch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.atmp2030.workbook.collect.Json;

/**
 * ClinicalTrials.gov API v2: {@code /studies} with the parameters of {@code inputs/fetch/clinical_trials.txt} (by
 * default every study with a site in a Nordic country), whole records (no {@code fields=}, so that the classification
 * and the flags see every module), paged with {@code nextPageToken} to the last page. The pages are written as
 * {@code clinical-trials/ctgov-api-page-0001.json}, ..., exactly as the API sent them, replacing the pages of the last
 * fetch only when every page has come.
 */
final class ClinicalTrialsSource extends Source {
    private static final Logger LOG = LoggerFactory.getLogger(ClinicalTrialsSource.class);
    static final String PREFIX = "ctgov-api-page-";

    ClinicalTrialsSource() {
        super("clinical_trials", "ClinicalTrials.gov API v2, /studies, whole records, every page", "https://clinicaltrials.gov/api/v2");
    }

    @Override
    List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException {
        StringBuilder parameters = new StringBuilder("format=json&countTotal=true");
        for (Map.Entry<String, String> p : context.query().values().entrySet()) {
            parameters.append('&').append(FetchContext.encode(p.getKey())).append('=')
                    .append(FetchContext.encode(p.getValue()));
        }
        if (!context.query().values().containsKey("pageSize")) {
            parameters.append("&pageSize=1000");
        }
        Path staging = Staging.folder(context.inputs(), dataset());
        Staging.clean(staging);
        List<Path> pages = new ArrayList<>();
        List<URI> addresses = new ArrayList<>();
        String token = null;
        long total = -1;
        long studies = 0;
        do {
            URI uri = context.at("studies?" + parameters + (token == null ? "" : "&pageToken=" + FetchContext.encode(token)));
            Http.Page page = context.http().get(dataset(), uri, Map.of("Accept", "application/json"));
            PageSummary summary = summary(uri, page.body());
            if (summary.total() >= 0) {
                total = summary.total();
            }
            studies += summary.studies();
            Path file = staging.resolve(PREFIX + String.format("%04d", pages.size() + 1) + ".json");
            Files.write(file, page.body());
            pages.add(file);
            addresses.add(uri);
            token = summary.nextPageToken();
            LOG.info("clinical_trials: page {}, {} studies{}", pages.size(), studies, total >= 0 ? " of " + total : "");
            if (pages.size() > 10_000) {
                throw new FetchException(dataset(), "more than 10,000 pages: the query in inputs/" + context.query().file()
                        + " finds far more than the report needs");
            }
        } while (token != null && !token.isEmpty());
        if (total >= 0 && studies != total) {
            throw new FetchException(dataset(), "the pages held " + studies + " studies, the API said " + total
                    + ": the registry changed while paging; fetch again");
        }
        // Every page is here: the last fetch's pages make way for these.
        Path folder = context.inputs().resolve("clinical-trials");
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                Files.delete(p);
            }
        }
        List<Manifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Path target = Staging.publish(pages.get(i), folder.resolve(pages.get(i).getFileName()));
            entries.add(context.entry(target, addresses.get(i), "page " + (i + 1) + " of " + pages.size() + ", "
                    + studies + " studies"));
        }
        return entries;
    }

    /** What paging needs of a page: its studies counted, the token of the next, the total (first page only). */
    record PageSummary(long studies, String nextPageToken, long total) {
    }

    /**
     * Reads a page as a stream of tokens, skipping each study's content: a page of 1,000 whole records is tens of
     * megabytes, which a tree would hold several times over.
     */
    private PageSummary summary(URI uri, byte[] body) throws FetchException {
        long count = 0;
        String next = null;
        long total = -1;
        boolean hasStudies = false;
        try (JsonParser parser = Json.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw changed(uri, "JSON that is not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("studies") && value == JsonToken.START_ARRAY) {
                    hasStudies = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        count++;
                        parser.skipChildren();
                    }
                } else if (name.equals("nextPageToken") && value == JsonToken.VALUE_STRING) {
                    next = parser.getText();
                } else if (name.equals("totalCount") && value == JsonToken.VALUE_NUMBER_INT) {
                    total = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw changed(uri, "not JSON");
        }
        if (!hasStudies) {
            throw changed(uri, "JSON without a \"studies\" array");
        }
        return new PageSummary(count, next, total);
    }

    private FetchException changed(URI uri, String what) {
        return new FetchException(dataset(), uri + " answered " + what + " (expected a page of studies, {\"studies\": "
                + "[...], \"nextPageToken\": ...}): the API may have changed; nothing was replaced");
    }
}
