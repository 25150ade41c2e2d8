package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the year's inputs from every registry with an open interface, records each download in the manifest, and
 * dates each fetched dataset in {@code report.properties} ({@code retrieved.<dataset>}). A source that fails is said
 * and the others go on; the files of a failed source are left as they were.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    /** The datasets analysts keep themselves, which no registry serves. */
    public static final List<String> ANALYST_KEPT = List.of("companies", "employees", "job_postings (Nordic ads outside "
            + "Sweden, job-postings/*.csv)", "cart_infusions", "recommendations", "patients_treated");

    /** What one source did. */
    public record Outcome(String dataset, List<Manifest.Entry> files, FetchException failure) {
        /** One line for the terminal: {@code 3 files downloaded}, {@code 2 files, unchanged since the last fetch}. */
        public String summary() {
            if (failure != null) {
                return "NOT FETCHED, " + failure.getMessage();
            }
            long downloaded = files.stream().filter(f -> f.status() != 304).count();
            String count = files.size() + (files.size() == 1 ? " file" : " files");
            return downloaded == files.size() ? count + " downloaded"
                    : downloaded == 0 ? count + ", unchanged since the last fetch"
                    : count + ": " + downloaded + " downloaded, the others unchanged since the last fetch";
        }
    }

    private final List<Source> sources = List.of(new ClinicalTrialsSource(), new PubMedSource(), new EurostatSource(),
            new CordisSource(), new JobTechSource());

    /** The sources, by dataset, with their description and default address. */
    public Map<String, String> sources() {
        Map<String, String> all = new LinkedHashMap<>();
        sources.forEach(s -> all.put(s.dataset(), s.description() + " (" + s.defaultBase() + ")"));
        return all;
    }

    /**
     * @param bases {@code source.<dataset>} of report.properties: addresses that replace the real ones
     * @param only  datasets to fetch; empty for all
     */
    public List<Outcome> fetch(Path inputs, int year, Map<String, URI> bases, Set<String> only, Http http)
            throws IOException {
        Manifest manifest = Manifest.read(inputs);
        Instant started = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        for (Source source : sources) {
            if (!only.isEmpty() && !only.contains(source.dataset())) {
                continue;
            }
            URI base = bases.getOrDefault(source.dataset(), source.defaultBase());
            LOG.info("{}: fetching from {}", source.dataset(), base);
            try {
                Query query = Query.of(inputs, source.dataset());
                List<Manifest.Entry> files = source.fetch(new FetchContext(inputs, year, source.dataset(), base, http,
                        manifest, query, started, bases));
                manifest.put(files);
                manifest.forgetMissing(inputs);
                manifest.write(inputs);
                date(inputs, source.dataset(), LocalDate.ofInstant(started, ZoneId.systemDefault()));
                Outcome outcome = new Outcome(source.dataset(), files, null);
                LOG.info("{}: {}", source.dataset(), outcome.summary());
                outcomes.add(outcome);
            } catch (FetchException e) {
                LOG.warn("{}", e.toString());
                outcomes.add(new Outcome(source.dataset(), List.of(), e));
            }
        }
        return outcomes;
    }

    /** Sets {@code retrieved.<dataset> = <day>} in report.properties, keeping every other line as it was. */
    static void date(Path inputs, String dataset, LocalDate day) throws IOException {
        Path file = inputs.resolve("report.properties");
        List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        String key = "retrieved." + dataset;
        String line = key + " = " + day;
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.startsWith(key) && text.substring(key.length()).strip().startsWith("=")) {
                lines.set(i, line);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        Path temp = file.resolveSibling(".report.properties.partial");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
