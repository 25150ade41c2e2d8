package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HTTP client made fit for registries on an unreliable network: timeouts; retries with exponential backoff
 * and full jitter on 429, 5xx and dropped connections, honouring {@code Retry-After}; conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}); large files streamed to a hidden partial file beside the target,
 * resumed with {@code Range} and moved into place only when whole; proxies from {@code -Dhttps.proxyHost} or the
 * {@code HTTPS_PROXY} environment variable. Every answer that is finally not a success is a {@link FetchException}
 * naming the source.
 */
public final class Http {
    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final String AGENT = "atmp-workbook-fetch (ATMP2030 annual report; +https://github.com/)";

    /** How a request is retried: attempts, the first wait, the longest wait. Tests shorten the waits. */
    public record Retry(int attempts, Duration first, Duration longest) {
        public static Retry standard() {
            return new Retry(Integer.getInteger("atmp.fetch.attempts", 6),
                    Duration.ofMillis(Long.getLong("atmp.fetch.backoffMillis", 1_000)),
                    Duration.ofMillis(Long.getLong("atmp.fetch.maxWaitMillis", 120_000)));
        }
    }

    /** A small answer held in memory (an API page), with its validators. */
    public record Page(int status, byte[] body, String contentType, String etag, String lastModified) {
    }

    /** What a download did: fetched whole, resumed, or found unchanged (304). */
    public record Download(int status, long size, String sha256, String etag, String lastModified, boolean unchanged,
                           boolean resumed) {
    }

    private final HttpClient client;
    private final Retry retry;
    private final Duration timeout;

    public Http(Retry retry) {
        this.retry = retry;
        this.timeout = Duration.ofSeconds(Long.getLong("atmp.fetch.timeoutSeconds", 60));
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(proxy())
                .build();
    }

    /** GET of an API page, retried as the class says; a 304 is returned as it is. */
    public Page get(String source, URI uri, Map<String, String> headers) throws FetchException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", AGENT);
                headers.forEach(request::header);
                HttpResponse<byte[]> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200 || status == 304) {
                    return new Page(status, response.body(), header(response, "Content-Type"), header(response, "ETag"),
                            header(response, "Last-Modified"));
                }
                failOrWait(source, uri, status, response.headers().firstValue("Retry-After"), attempt,
                        snippet(response.body()));
            } catch (IOException e) {
                failOrWait(source, uri, e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(source, "interrupted while fetching " + uri);
            }
        }
    }

    /**
     * Streams {@code uri} to {@code target}: to {@code .<name>.partial} beside it first, resumed from where an earlier
     * try stopped when the server allows it, then moved into place. With the validators of an earlier download (given
     * only when that file is still there as it was), an unchanged file is not fetched again: 304, target untouched.
     */
    public Download download(String source, URI uri, Path target, String etag, String lastModified)
            throws FetchException, IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.createDirectories(target.getParent());
        boolean conditional = etag != null || lastModified != null;
        boolean resumed = false;
        // What the partial file's bytes are a part of, kept beside it so that a later fetch can resume it too.
        Path validatorFile = partial.resolveSibling(partial.getFileName() + ".validator");
        String validator = Files.isRegularFile(partial) && Files.isRegularFile(validatorFile)
                ? Files.readString(validatorFile).strip() : null;
        for (int attempt = 1; ; attempt++) {
            long have = Files.isRegularFile(partial) ? Files.size(partial) : 0;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofHours(6))
                        .header("User-Agent", AGENT);
                if (conditional) {
                    if (etag != null) {
                        request.header("If-None-Match", etag);
                    }
                    if (lastModified != null) {
                        request.header("If-Modified-Since", lastModified);
                    }
                }
                if (have > 0 && validator != null) {
                    request.header("Range", "bytes=" + have + "-").header("If-Range", validator);
                }
                HttpResponse<InputStream> response = client.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                String newEtag = header(response, "ETag");
                String newModified = header(response, "Last-Modified");
                if (status == 304) {
                    response.body().close();
                    Files.deleteIfExists(partial);
                    Files.deleteIfExists(validatorFile);
                    return new Download(304, -1, null, etag, lastModified, true, false);
                }
                if (status != 200 && status != 206) {
                    byte[] body;
                    try (InputStream in = response.body()) {
                        body = in.readNBytes(2_000);
                    }
                    failOrWait(source, uri, status, response.headers().firstValue("Retry-After"), attempt, snippet(body));
                    continue;
                }
                validator = newEtag != null ? newEtag : newModified;
                if (validator != null) {
                    Files.writeString(validatorFile, validator);
                } else {
                    Files.deleteIfExists(validatorFile);
                }
                boolean append = status == 206 && have > 0;
                resumed |= append;
                long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                // The digest is taken as the bytes go by: a file of gigabytes is not read a second time for it.
                MessageDigest digest = append ? digestOf(partial) : newDigest();
                long written = copy(response.body(), partial, append, source, have, expected, digest);
                if (expected >= 0 && written - (append ? have : 0) < expected) {
                    throw new IOException("the connection ended after " + written + " of " + (expected + (append ? have
                            : 0)) + " bytes");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(validatorFile);
                return new Download(status, written, HexFormat.of().formatHex(digest.digest()), newEtag, newModified,
                        false, resumed);
            } catch (IOException e) {
                if (e instanceof java.nio.file.FileSystemException) {
                    throw e; // the disk, not the network
                }
                failOrWait(source, uri, e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(source, "interrupted while fetching " + uri + "; the part fetched is kept and "
                        + "the next fetch goes on from it");
            }
        }
    }

    private static long copy(InputStream body, Path partial, boolean append, String source, long have, long expected,
                             MessageDigest digest) throws IOException {
        long written = append ? have : 0;
        long total = expected < 0 ? -1 : expected + written;
        long nextReport = written + (64L << 20);
        try (InputStream in = body; OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                written += n;
                if (written >= nextReport) {
                    LOG.info("{}: {} MB{}", source, written >> 20, total > 0 ? " of " + (total >> 20) + " MB" : "");
                    nextReport += 64L << 20;
                }
            }
        }
        return written;
    }

    private void failOrWait(String source, URI uri, int status, Optional<String> retryAfter, int attempt, String body)
            throws FetchException {
        boolean transient_ = status == 429 || status == 408 || status >= 500;
        if (!transient_ || attempt >= retry.attempts()) {
            throw new FetchException(source, uri + " answered HTTP " + status + (body.isEmpty() ? "" : " (" + body + ")")
                    + (transient_ ? " " + attempt + " times: the source is down or refuses; try again later"
                    : status == 404 ? ": the address is not there; the source may have moved it (see source."
                    + "<name> in report.properties)" : ": check the query in inputs/fetch/"));
        }
        Duration wait = retryAfter.map(Http::retryAfter).orElse(null);
        sleep(source, uri, "HTTP " + status, attempt, wait);
    }

    private void failOrWait(String source, URI uri, IOException e, int attempt) throws FetchException {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (attempt >= retry.attempts()) {
            throw new FetchException(source, "cannot reach " + uri.getHost() + " (" + what + ") after " + attempt
                    + " tries: check the network or the proxy (HTTPS_PROXY), or try again later");
        }
        sleep(source, uri, what, attempt, null);
    }

    /** Exponential backoff with full jitter, or the server's Retry-After; never longer than the longest wait. */
    private void sleep(String source, URI uri, String why, int attempt, Duration asked) throws FetchException {
        long cap = retry.first().toMillis() << Math.min(attempt - 1, 20);
        long millis = asked != null ? asked.toMillis() : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        millis = Math.min(millis, retry.longest().toMillis());
        LOG.warn("{}: {} ({}); trying again in {} s", source, why, uri.getHost(),
                String.format(Locale.ROOT, "%.1f", millis / 1000.0));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(source, "interrupted");
        }
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    static Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException ignored) {
                return null;
            }
        }
    }

    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(digestOf(file).digest());
    }

    /** A SHA-256 digest that has read the file, to go on with the bytes that follow it. */
    private static MessageDigest digestOf(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return se.atmp2030.workbook.collect.Problem.shorten(text);
    }

    /** The JVM's proxy settings, else {@code HTTPS_PROXY}/{@code https_proxy} from the environment. */
    private static ProxySelector proxy() {
        if (System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null) {
            return ProxySelector.getDefault();
        }
        String env = System.getenv("HTTPS_PROXY") != null ? System.getenv("HTTPS_PROXY") : System.getenv("https_proxy");
        if (env != null && !env.isBlank()) {
            try {
                URI proxy = URI.create(env.contains("://") ? env : "http://" + env);
                return ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() < 0 ? 80 : proxy.getPort()));
            } catch (IllegalArgumentException e) {
                LOG.warn("HTTPS_PROXY={} is not a proxy address; going without", env);
            }
        }
        return ProxySelector.getDefault();
    }
}
