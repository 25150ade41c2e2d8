package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One registry with an open interface: which dataset it feeds, its real address (which {@code source.<dataset>} in
 * {@code report.properties} may replace, for a mirror, a proxy or a test), and how to fetch the year's data into the
 * inputs folder in the form its collector reads.
 */
abstract class Source {
    private final String dataset;
    private final String description;
    private final URI defaultBase;

    /**
     * @param dataset     the dataset it feeds, as in {@code retrieved.<dataset>}: {@code clinical_trials}
     * @param description where the data comes from, in words, for the listing
     */
    Source(String dataset, String description, String defaultBase) {
        this.dataset = dataset;
        this.description = description;
        this.defaultBase = URI.create(defaultBase);
    }

    final String dataset() {
        return dataset;
    }

    final String description() {
        return description;
    }

    final URI defaultBase() {
        return defaultBase;
    }

    /** Fetches and returns what it wrote, as manifest entries. */
    abstract List<Manifest.Entry> fetch(FetchContext context) throws IOException, FetchException;
}
