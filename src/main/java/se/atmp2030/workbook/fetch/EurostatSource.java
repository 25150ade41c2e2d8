package se.atmp2030.workbook.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Eurostat's dissemination API (SDMX 2.1) as TSV: the {@code dataset} and series {@code key} of
 * {@code inputs/fetch/population.txt} (by default demo_pjan, every country's total population on 1 January) into
 * {@code population/<dataset>.tsv}, the form the population collector reads.
 */
final class EurostatSource extends Source {
    EurostatSource() {
        super("population", "Eurostat dissemination API (SDMX 2.1), TSV", "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1");
    }

    @Override
    List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException {
        String dataset = context.query().required(dataset(), "dataset");
        String key = context.query().get("key", "");
        String start = context.query().get("startPeriod", "");
        URI uri = context.at("data/" + FetchContext.encode(dataset) + "/" + FetchContext.encode(key).replace("%2E", ".")
                + "?format=TSV&compressed=false" + (start.isEmpty() ? "" : "&startPeriod=" + FetchContext.encode(start)));
        return List.of(Downloads.fetch(context, uri, "population/" + dataset + ".tsv", null, file -> {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                return header != null && header.contains("\\TIME_PERIOD") ? null
                        : "no Eurostat TSV (expected a header ending in geo\\TIME_PERIOD, got \""
                        + se.atmp2030.workbook.collect.Problem.shorten(String.valueOf(header)) + "\")";
            } catch (java.nio.charset.CharacterCodingException e) {
                return "a file that is not text";
            }
        }));
    }
}
