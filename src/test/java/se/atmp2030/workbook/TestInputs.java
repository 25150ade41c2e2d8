package se.atmp2030.workbook;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import se.atmp2030.workbook.cli.Main;

/** Test helpers: copies of the bundled inputs to break, and the command line run as a user runs it. */
public final class TestInputs {
    /** The bundled inputs, as committed. */
    public static final Path BUNDLED = Path.of("inputs");

    private TestInputs() {
    }

    /** Copies a folder tree (the bundled inputs, or a fixture overlay onto them). */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the bundled inputs in {@code dir/inputs}, to change. */
    public static Path copyOfBundled(Path dir) {
        Path inputs = dir.resolve("inputs");
        copyTree(BUNDLED, inputs);
        return inputs;
    }

    /** Builds afresh from the inputs into {@code out} (the build must succeed) and reads the named sheets back. */
    public static java.util.Map<String, SheetTable> buildFresh(Path inputs, Path out, String... sheets) throws IOException {
        Run run = run("build", "--inputs", inputs.toString(), "--out", out.toString(), "--fresh");
        if (run.exitCode() != 0) {
            throw new AssertionError("build failed (" + run.exitCode() + "): " + run.err());
        }
        return SheetTable.read(out, sheets);
    }

    /** What a run of the command line printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {
        /** stderr with the given folder written as the user would see it for {@code inputs}. */
        public String errWith(Path inputs) {
            return err.replace(inputs.toString(), "inputs");
        }
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The organisation numbers (digits only) of the register's SMEs, read from the register as the analysts keep it. */
    public static java.util.Set<String> smes(Path inputs) throws IOException {
        java.util.Set<String> smes = new java.util.HashSet<>();
        java.util.List<String> lines = Files.readAllLines(inputs.resolve("companies/atmp-developers.csv"),
                java.nio.charset.Charset.forName("windows-1252"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";");
            if (cells[5].equals("Ja")) {
                smes.add(cells[0].replace("-", ""));
            }
        }
        return smes;
    }

    /** Sets (or with {@code null}, removes) one line of report.properties. */
    public static void setProperty(Path inputs, String key, String value) throws IOException {
        Path file = inputs.resolve("report.properties");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file,
                java.nio.charset.StandardCharsets.UTF_8));
        lines.removeIf(l -> l.startsWith(key + " ") || l.startsWith(key + "="));
        if (value != null) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines, java.nio.charset.StandardCharsets.UTF_8);
    }
}
