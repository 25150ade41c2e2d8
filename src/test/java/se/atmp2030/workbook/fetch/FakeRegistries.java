package se.atmp2030.workbook.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the five registries, serving their real formats and their real behaviour, faults on demand:
 * ClinicalTrials.gov API v2 pages with {@code nextPageToken} and {@code totalCount}; the E-utilities' esearch JSON
 * (history server: {@code querykey}, {@code webenv}) and efetch MEDLINE text in batches; Eurostat's SDMX TSV; CORDIS
 * and JobTech files with {@code ETag}, {@code Last-Modified}, conditional requests and {@code Range}. The answers are
 * made from the bundled inputs (written after real saved answers), so that a fetch then build can be checked against
 * them. Every request is logged for the tests.
 */
final class FakeRegistries implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path BUNDLED = Path.of("inputs");

    /** What a test makes a path do next: served in order, then the normal answer. */
    enum Fault { TOO_MANY_REQUESTS, UNAVAILABLE, DROP_HALFWAY, HTML_PAGE }

    record Request(String method, String path, Map<String, String> headers, long nanos) {
    }

    final List<Request> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final HttpServer server;
    final List<JsonNode> studies = new ArrayList<>();
    final Map<Integer, List<String>> medlineByYear = new LinkedHashMap<>();
    final int pageSize;
    private final AtomicInteger version = new AtomicInteger(1);

    FakeRegistries(int pageSize) throws IOException {
        this.pageSize = pageSize;
        JSON.readTree(BUNDLED.resolve("clinical-trials/ctg-studies-page1.json").toFile()).path("studies")
                .forEach(studies::add);
        for (String record : Files.readString(BUNDLED.resolve("publications/pubmed-atmp.txt"), StandardCharsets.UTF_8)
                .split("\n(?=PMID- )")) {
            Matcher dp = Pattern.compile("(?m)^DP  - (\\d{4})").matcher(record);
            if (record.startsWith("PMID- ") && dp.find()) {
                medlineByYear.computeIfAbsent(Integer.parseInt(dp.group(1)), y -> new ArrayList<>())
                        .add(record.strip() + "\n");
            }
        }
        serve("/eurostat/data/demo_pjan/A.NR.TOTAL.T.", Files.readAllBytes(BUNDLED.resolve("population/demo_pjan.tsv")));
        for (String zip : List.of("cordis-h2020projects-csv.zip", "cordis-HORIZONprojects-csv.zip")) {
            serve("/cordis/" + zip, Files.readAllBytes(BUNDLED.resolve("eu-funding/" + zip)));
        }
        for (int year = 2019; year <= 2024; year++) {
            serve("/jobtech/" + year + ".jsonl.zip", Files.readAllBytes(BUNDLED.resolve("job-postings/jobtech/" + year
                    + ".jsonl.zip")));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    URI base(String source) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + source);
    }

    /** The lines of report.properties that send fetch here. */
    List<String> sourceSettings() {
        return List.of("source.clinical_trials = " + base("ctgov"), "source.publications = " + base("eutils"),
                "source.population = " + base("eurostat"), "source.eu_funding = " + base("cordis"),
                "source.job_postings = " + base("jobtech"), "source.job_postings_search = " + base("jobsearch"));
    }

    void fault(String pathPrefix, Fault... next) {
        faults.computeIfAbsent(pathPrefix, p -> Collections.synchronizedList(new ArrayList<>())).addAll(List.of(next));
    }

    /** Serves a file; a new content gets a new ETag, as a publisher's new release does. */
    void serve(String path, byte[] content) {
        files.put(path, content);
        etags.put(path, "\"v" + version.getAndIncrement() + "-" + content.length + "\"");
    }

    /** Stops serving a file: 404 from now on, as for a year not yet published. */
    void withdraw(String path) {
        files.remove(path);
    }

    /** The ads the JobSearch API holds: the bundled 2024 ads, as the year in progress. */
    List<JsonNode> openAds() throws IOException {
        List<JsonNode> ads = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(BUNDLED.resolve("job-postings/jobtech/2024.jsonl.zip")
                .toFile())) {
            String text = new String(zip.getInputStream(zip.entries().nextElement()).readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    ads.add(JSON.readTree(line));
                }
            }
        }
        return ads;
    }

    byte[] served(String path) {
        return files.get(path);
    }

    List<Request> requests(String pathPrefix) {
        synchronized (log) {
            return log.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        log.add(new Request(exchange.getRequestMethod(), path + (exchange.getRequestURI().getRawQuery() == null ? ""
                : "?" + exchange.getRequestURI().getRawQuery()), headers, System.nanoTime()));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try (exchange) {
            Fault fault = nextFault(path);
            if (fault == Fault.TOO_MANY_REQUESTS) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "text/plain", "Too Many Requests".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == Fault.UNAVAILABLE) {
                send(exchange, 503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault == Fault.HTML_PAGE) {
                // A registry's "we have moved" page, with status 200, where the data was.
                send(exchange, 200, "text/html", ("<!DOCTYPE html><html><body>We have moved! Visit our new site."
                        + "</body></html>").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/ctgov/studies")) {
                studies(exchange, query);
            } else if (path.equals("/eutils/esearch.fcgi")) {
                esearch(exchange, query);
            } else if (path.equals("/eutils/efetch.fcgi")) {
                efetch(exchange, query);
            } else if (path.equals("/jobsearch/search")) {
                search(exchange, query);
            } else if (files.containsKey(path)) {
                file(exchange, path, headers, fault == Fault.DROP_HALFWAY);
            } else {
                send(exchange, 404, "text/html", "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private Fault nextFault(String path) {
        for (Map.Entry<String, List<Fault>> f : faults.entrySet()) {
            if (path.startsWith(f.getKey()) && !f.getValue().isEmpty()) {
                return f.getValue().remove(0);
            }
        }
        return null;
    }

    /** ClinicalTrials.gov API v2: {"studies": [...], "totalCount": n, "nextPageToken": "..."} (no token on the last). */
    private void studies(HttpExchange exchange, Map<String, String> query) throws IOException {
        int size = Math.min(pageSize, Integer.parseInt(query.getOrDefault("pageSize", "10")));
        int start = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken").substring(3)) : 0;
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("studies");
        studies.subList(start, Math.min(studies.size(), start + size)).forEach(list::add);
        if ("true".equals(query.get("countTotal"))) {
            page.put("totalCount", studies.size());
        }
        if (start + size < studies.size()) {
            page.put("nextPageToken", "NF0" + (start + size));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(page));
    }

    /**
     * JobSearch API {@code /search}: the ads whose headline or description holds the free text, published after the
     * date, as {"total": {"value": n}, "positions": ..., "hits": [ad, ...]}, {@code offset} and {@code limit} paging.
     */
    private void search(HttpExchange exchange, Map<String, String> query) throws IOException {
        String q = query.getOrDefault("q", "").toLowerCase(java.util.Locale.ROOT);
        String after = query.getOrDefault("published-after", "");
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode ad : openAds()) {
            String text = (ad.path("headline").asText() + " " + ad.path("description").path("text").asText())
                    .toLowerCase(java.util.Locale.ROOT);
            if (text.contains(q) && ad.path("publication_date").asText().compareTo(after) >= 0) {
                found.add(ad);
            }
        }
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        ObjectNode page = JSON.createObjectNode();
        page.putObject("total").put("value", found.size());
        page.put("positions", found.size());
        ArrayNode hits = page.putArray("hits");
        found.subList(Math.min(offset, found.size()), Math.min(found.size(), offset + limit)).forEach(hits::add);
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(page));
    }

    /** E-utilities esearch, retmode=json, usehistory=y: the count of the year in the term, and a history key. */
    private void esearch(HttpExchange exchange, Map<String, String> query) throws IOException {
        Matcher year = Pattern.compile("AND (\\d{4})\\[dp\\]").matcher(query.getOrDefault("term", ""));
        int y = year.find() ? Integer.parseInt(year.group(1)) : 0;
        int count = medlineByYear.getOrDefault(y, List.of()).size();
        String body = "{\"header\":{\"type\":\"esearch\",\"version\":\"0.3\"},\"esearchresult\":{\"count\":\"" + count
                + "\",\"retmax\":\"0\",\"retstart\":\"0\",\"querykey\":\"1\",\"webenv\":\"MCID_" + y
                + "abcdef0123456789\",\"idlist\":[],\"translationset\":[],\"querytranslation\":\"...\"}}";
        send(exchange, 200, "application/json; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** E-utilities efetch, rettype=medline: the records of the history key's year, retstart to retstart + retmax. */
    private void efetch(HttpExchange exchange, Map<String, String> query) throws IOException {
        int y = Integer.parseInt(query.get("WebEnv").substring(5, 9));
        List<String> records = medlineByYear.getOrDefault(y, List.of());
        int start = Integer.parseInt(query.get("retstart"));
        int max = Integer.parseInt(query.get("retmax"));
        StringBuilder body = new StringBuilder();
        for (String record : records.subList(Math.min(start, records.size()), Math.min(records.size(), start + max))) {
            body.append('\n').append(record);
        }
        send(exchange, 200, "text/plain; charset=UTF-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A published file: ETag, Last-Modified, If-None-Match (304), Range and If-Range (206). */
    private void file(HttpExchange exchange, String path, Map<String, String> headers, boolean drop) throws IOException {
        byte[] content = files.get(path);
        String etag = etags.get(path);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Last-Modified", "Mon, 18 Nov 2024 10:00:00 GMT");
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        if (etag.equals(headers.get("if-none-match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        String range = headers.get("range");
        int from = 0;
        if (range != null && (headers.get("if-range") == null || etag.equals(headers.get("if-range")))) {
            from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/"
                    + content.length);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/zip");
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, content.length - from);
        OutputStream out = exchange.getResponseBody();
        if (drop) {
            // The connection ends after half the bytes, as a proxy or a flaky link ends it.
            out.write(content, from, (content.length - from) / 2);
            out.flush();
            throw new IOException("dropped on purpose");
        }
        out.write(content, from, content.length - from);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
