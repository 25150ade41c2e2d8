package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CORDIS open data: the Horizon 2020 and Horizon Europe project extracts ({@code files} in
 * {@code inputs/fetch/eu_funding.txt}) into {@code eu-funding/}, as they are published. Each is tens of megabytes:
 * streamed, resumed after a dropped connection, and not fetched again while unchanged.
 */
final class CordisSource extends Source {
    CordisSource() {
        super("eu_funding", "CORDIS open data, project extracts (zip of CSV)", "https://cordis.europa.eu/data");
    }

    @Override
    List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String file : context.query().required(dataset(), "files").split("[,\\s]+")) {
            if (!file.matches("[A-Za-z0-9._-]+\\.zip")) {
                throw new FetchException(dataset(), "inputs/" + context.query().file() + ": \"" + file + "\" is not the "
                        + "name of a CORDIS extract (expected names such as cordis-h2020projects-csv.zip)");
            }
            entries.add(Downloads.fetch(context, context.at(file), "eu-funding/" + file, null,
                    Downloads.zipWith("organization.csv", "project.csv")));
        }
        return entries;
    }
}
