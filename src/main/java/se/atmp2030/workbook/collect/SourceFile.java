package se.atmp2030.workbook.collect;

/** One input file behind a dataset: where it is (as the user would type it), its SHA-256, its size and its format. */
public record SourceFile(String path, String sha256, long bytes, String format) {
}
