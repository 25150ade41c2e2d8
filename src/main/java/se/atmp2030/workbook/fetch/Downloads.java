package se.atmp2030.workbook.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file downloaded whole (an extract, an archive): asked for conditionally when the last download is still in place,
 * streamed into the staging folder, checked, and only then moved where the collector reads it.
 */
final class Downloads {
    /** What makes a downloaded file the right kind; returns {@code null} when it is, else what it is instead. */
    interface Check {
        String wrong(Path file) throws IOException;
    }

    private Downloads() {
    }

    static Manifest.Entry fetch(FetchContext context, URI uri, String target, String note, Check check)
            throws IOException, FetchException {
        Path staging = Staging.folder(context.inputs(), context.dataset());
        Path destination = context.inputs().resolve(target);
        String[] validators = Staging.validators(context.manifest(), context.inputs(), target);
        Path staged = staging.resolve(destination.getFileName().toString());
        Http.Download download = context.http().download(context.dataset(), uri, staged, validators[0], validators[1]);
        if (download.unchanged()) {
            Manifest.Entry before = context.manifest().entry(target).orElseThrow();
            return new Manifest.Entry(before.dataset(), before.file(), before.url(), before.query(),
                    context.started().toString(), 304, before.etag(), before.lastModified(), before.size(),
                    before.sha256(), before.modified());
        }
        String wrong = check.wrong(staged);
        if (wrong != null) {
            Files.deleteIfExists(staged);
            throw new FetchException(context.dataset(), uri + " sent " + wrong + ": the source may have changed its "
                    + "format or address; " + target + " was left as it was");
        }
        Staging.publish(staged, destination);
        return context.entry(destination, uri, note, download);
    }

    /** A zip holding the named entries (an archive cut short, or an HTML error page, is not). */
    static Check zipWith(String... names) {
        return file -> {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (String name : names) {
                    if (zip.stream().noneMatch(e -> e.getName().endsWith(name))) {
                        return "a zip without " + name;
                    }
                }
                return zip.size() == 0 ? "an empty zip" : null;
            } catch (java.util.zip.ZipException e) {
                return "a file that is not a zip (" + e.getMessage() + ")";
            }
        };
    }
}
