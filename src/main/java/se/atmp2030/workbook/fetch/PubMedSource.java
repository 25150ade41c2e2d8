package se.atmp2030.workbook.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.atmp2030.workbook.collect.Json;

/**
 * PubMed through the E-utilities: for each year from {@code from} to the report year, {@code esearch} of the report's
 * search ({@code term} in {@code inputs/fetch/publications.txt}) {@code AND <year>[dp]} on the history server, then
 * {@code efetch} in MEDLINE format in batches, into {@code publications/pubmed-<year>.txt}. An API key is taken from
 * {@code NCBI_API_KEY}; requests keep to NCBI's rate (3 a second, 10 with a key).
 */
final class PubMedSource extends Source {
    private static final Logger LOG = LoggerFactory.getLogger(PubMedSource.class);

    PubMedSource() {
        super("publications", "PubMed E-utilities: esearch (history server) and efetch in MEDLINE format, per year", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils");
    }

    @Override
    List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException {
        String term = context.query().required(dataset(), "term");
        int from = year(context, context.query().get("from", String.valueOf(context.year() - 9)));
        int batch = Math.max(1, Math.min(10_000, year(context, context.query().get("batch", "500"))));
        String key = System.getenv("NCBI_API_KEY");
        String auth = (key == null || key.isBlank() ? "" : "&api_key=" + FetchContext.encode(key))
                + (context.query().values().containsKey("email") ? "&email="
                + FetchContext.encode(context.query().values().get("email")) : "") + "&tool=atmp-workbook";
        long interval = Long.getLong("atmp.fetch.pubmedIntervalMillis", key == null || key.isBlank() ? 340 : 110);
        Path staging = Staging.folder(context.inputs(), dataset());
        Staging.clean(staging);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (int year = from; year <= context.year(); year++) {
            String search = "(" + term + ") AND " + year + "[dp]";
            URI esearch = context.at("esearch.fcgi?db=pubmed&usehistory=y&retmax=0&retmode=json&term="
                    + FetchContext.encode(search) + auth);
            pause(interval);
            JsonNode result = json(esearch, context.http().get(dataset(), esearch, Map.of()).body()).path("esearchresult");
            if (result.has("ERROR") || result.path("webenv").asText("").isEmpty()) {
                throw new FetchException(dataset(), esearch + " answered no search result (" + result.path("ERROR")
                        .asText("no webenv") + "): check term in inputs/" + context.query().file());
            }
            long count = result.path("count").asLong(-1);
            if (count == 0) {
                // Nothing that year: no file (an empty one is no MEDLINE export), and none left from an earlier fetch.
                Files.deleteIfExists(context.inputs().resolve("publications").resolve("pubmed-" + year + ".txt"));
                LOG.info("publications: no records of {}", year);
                continue;
            }
            String webenv = result.path("webenv").asText();
            String queryKey = result.path("querykey").asText();
            Path file = staging.resolve("pubmed-" + year + ".txt");
            long records = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long start = 0; start < count; start += batch) {
                    URI efetch = context.at("efetch.fcgi?db=pubmed&rettype=medline&retmode=text&query_key="
                            + FetchContext.encode(queryKey) + "&WebEnv=" + FetchContext.encode(webenv) + "&retstart="
                            + start + "&retmax=" + batch + auth);
                    pause(interval);
                    byte[] body = context.http().get(dataset(), efetch, Map.of()).body();
                    String text = new String(body, StandardCharsets.UTF_8);
                    long inBatch = text.lines().filter(l -> l.startsWith("PMID- ")).count();
                    if (inBatch == 0) {
                        throw new FetchException(dataset(), efetch + " answered no MEDLINE records (expected lines "
                                + "\"PMID- \"; the answer began: " + se.atmp2030.workbook.collect.Problem.shorten(
                                text.strip()) + "): the history may have expired; fetch again");
                    }
                    records += inBatch;
                    out.write(body);
                    if (!text.endsWith("\n\n")) {
                        out.write("\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            if (records != count) {
                throw new FetchException(dataset(), "PubMed found " + count + " records for " + year + " but sent "
                        + records + ": fetch again");
            }
            LOG.info("publications: {} records of {}", records, year);
            Path target = Staging.publish(file, context.inputs().resolve("publications").resolve(file.getFileName()));
            entries.add(context.entry(target, esearch, year + ": " + records + " records"));
        }
        return entries;
    }

    private JsonNode json(URI uri, byte[] body) throws FetchException {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // below
        }
        throw new FetchException(dataset(), uri + " answered something that is not JSON (expected {\"esearchresult\": "
                + "...}): the E-utilities may have changed");
    }

    private int year(FetchContext context, String value) throws FetchException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new FetchException(dataset(), "inputs/" + context.query().file() + ": \"" + value + "\" is not a "
                    + "whole number");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
