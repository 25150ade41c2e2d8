package se.atmp2030.workbook.fetch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code fetch} downloaded, beside the files in {@code inputs/fetch/manifest.json}: per file, its dataset, the
 * address and query, when, the HTTP status, the validators for the next conditional request, the size and SHA-256.
 * The build reads it to say on the Sources sheet where a file came from; the next fetch, to ask only for what changed.
 * {@code modified} is the file's modification time when it was put in place, so that the next fetch can tell it is
 * still that file without reading gigabytes to hash them again.
 */
public final class Manifest {
    /** fetch's own folder in the inputs: the queries, this manifest, files waiting until they are whole. */
    public static final String FOLDER = "fetch";
    public static final String FILE = FOLDER + "/manifest.json";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Manifest.class);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    /**
     * One downloaded file.
     *
     * @param file relative to the inputs folder, with {@code /}
     */
    public record Entry(String dataset, String file, String url, String query, String fetched, int status, String etag,
                        String lastModified, long size, String sha256, Long modified) {
        /**
         * Whether the file in the inputs folder is still the one this entry records: same size and same modification
         * time (milliseconds) as when it was put there; without a recorded time, the SHA-256 decides.
         */
        boolean stillIn(Path inputs) throws IOException {
            Path path = inputs.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) != size) {
                return false;
            }
            return modified != null ? Files.getLastModifiedTime(path).toMillis() == modified
                    : Http.sha256(path).equals(sha256);
        }
    }

    /** The file's shape: {@code {"entries": [...]}}. */
    record Document(List<Entry> entries) {
    }

    private final List<Entry> entries;

    private Manifest(List<Entry> entries) {
        this.entries = new ArrayList<>(entries);
    }

    /**
     * The manifest of an inputs folder; empty when there is none, and when it does not read (it is only a record: the
     * next fetch then asks for every file whole and writes it again), with a warning.
     */
    public static Manifest read(Path inputs) {
        Path file = inputs.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new Manifest(List.of());
        }
        try {
            Document document = JSON.readValue(file.toFile(), Document.class);
            return new Manifest(document.entries() == null ? List.of() : document.entries());
        } catch (IOException e) {
            LOG.warn("{}: does not read ({}); the record of earlier fetches is not used, and the next fetch writes it "
                    + "again", file, se.atmp2030.workbook.collect.Problem.shorten(String.valueOf(e.getMessage())));
            return new Manifest(List.of());
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public Optional<Entry> entry(String file) {
        return entries.stream().filter(e -> e.file().equals(file)).findFirst();
    }

    /** Records these files, replacing what an earlier fetch said of them. */
    synchronized void put(List<Entry> fresh) {
        for (Entry entry : fresh) {
            entries.removeIf(e -> e.file().equals(entry.file()));
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(Entry::dataset).thenComparing(Entry::file));
    }

    /** Forgets the files that are no longer in the inputs folder (removed by a later fetch or by hand). */
    synchronized void forgetMissing(Path inputs) {
        entries.removeIf(e -> !Files.isRegularFile(inputs.resolve(e.file())));
    }

    /** Writes the manifest (to a temporary file first, so that a kill never leaves half of it). */
    synchronized void write(Path inputs) throws IOException {
        Path file = inputs.resolve(FILE);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".manifest.json.partial");
        JSON.writeValue(temp.toFile(), new Document(entries));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
