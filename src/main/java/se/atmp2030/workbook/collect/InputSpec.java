package se.atmp2030.workbook.collect;

/**
 * Files a collector reads, as a glob relative to the inputs folder (e.g. {@code clinical-trials/*.csv}).
 *
 * @param glob     matched with {@link java.nio.file.FileSystem#getPathMatcher(String)} ("glob:" syntax) against paths
 *                 relative to the inputs folder, with {@code /} as separator
 * @param format   the format in words, for {@code collectors} and error messages
 * @param required whether a build fails when no file matches
 */
public record InputSpec(String glob, String format, boolean required) {
}
