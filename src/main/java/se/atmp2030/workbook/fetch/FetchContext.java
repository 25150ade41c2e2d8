package se.atmp2030.workbook.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a source needs: the inputs folder, the report year, its dataset and base address, the HTTP client, the last
 * manifest (for conditional requests) and its query.
 */
record FetchContext(Path inputs, int year, String dataset, URI base, Http http, Manifest manifest, Query query,
                    Instant started, java.util.Map<String, URI> bases) {
    /** A path inside the inputs folder, as the manifest and the messages write it. */
    String relative(Path file) {
        return inputs.relativize(file).toString().replace('\\', '/');
    }

    /** An address below the base: {@code base + "/" + path}. */
    URI at(String pathAndQuery) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/" + pathAndQuery);
    }

    /** The manifest's record of a file just put in place. */
    Manifest.Entry entry(Path file, URI url, String note, Http.Download download) throws java.io.IOException {
        return new Manifest.Entry(dataset, relative(file), url.toString(), query.summary() + (note == null ? ""
                : "; " + note), started.toString(), download.status(), download.etag(), download.lastModified(),
                download.size(), download.sha256(), java.nio.file.Files.getLastModifiedTime(file).toMillis());
    }

    /** The manifest's record of API answers written to a file: its size and SHA-256 read from the file. */
    Manifest.Entry entry(Path file, URI url, String note) throws java.io.IOException {
        return entry(file, url, note, new Http.Download(200, java.nio.file.Files.size(file), Http.sha256(file), null, null,
                false, false));
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
