package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What a collector gets from the build: its input files, where to report problems, the report settings and the datasets it requires. */
public final class CollectContext {
    private final Path inputs;
    private final String inputsDisplay;
    private final ReportSettings settings;
    private final Problems problems;
    private final Map<String, Dataset> required;
    private final AtmpRules rules;

    /**
     * @param inputs        the inputs folder
     * @param inputsDisplay how the user names that folder in messages, e.g. {@code inputs}
     * @param required      the datasets the collector declared in {@link Collector#requires()}
     */
    public CollectContext(Path inputs, String inputsDisplay, ReportSettings settings, Problems problems,
                          Map<String, Dataset> required) {
        this(inputs, inputsDisplay, settings, problems, required, null);
    }

    /** @param rules the ATMP classification rules of the inputs folder ({@code null}: the built-in ones) */
    public CollectContext(Path inputs, String inputsDisplay, ReportSettings settings, Problems problems,
                          Map<String, Dataset> required, AtmpRules rules) {
        this.inputs = inputs.toAbsolutePath().normalize();
        this.inputsDisplay = inputsDisplay;
        this.settings = settings;
        this.problems = problems;
        this.required = Map.copyOf(required);
        this.rules = rules;
    }

    /** The ATMP classification rules: the inputs folder's {@code atmp-classification.txt}, or the built-in ones. */
    public AtmpRules atmpRules() throws IOException {
        return rules != null ? rules : AtmpRules.builtIn();
    }

    public Problems problems() {
        return problems;
    }

    public ReportSettings settings() {
        return settings;
    }

    /** A dataset this collector {@linkplain Collector#requires() requires}. */
    public Dataset dataset(String name) {
        Dataset dataset = required.get(name);
        if (dataset == null) {
            throw new IllegalStateException("dataset " + name + " was not declared in requires() or was not collected");
        }
        return dataset;
    }

    /**
     * The files matching the spec, sorted by path; a required spec with no file is reported as a problem. Hidden files
     * and Excel's lock files ({@code ~$name.csv}) are passed over.
     */
    public List<Path> files(InputSpec spec) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + spec.glob());
        List<Path> found;
        if (!Files.isDirectory(inputs)) {
            found = List.of();
        } else {
            try (Stream<Path> walk = Files.walk(inputs)) {
                found = walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(inputs.relativize(p)))
                        .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("~$"))
                        .sorted()
                        .toList();
            }
        }
        if (found.isEmpty() && spec.required()) {
            problems.add(display(spec.glob()), 0, null,
                    "no file found (expected " + spec.format() + ")" + present(spec.glob()));
        }
        return found;
    }

    /** What the folder of a glob holds instead, for the message when nothing matched: a file saved in the wrong form. */
    private String present(String glob) throws IOException {
        int slash = glob.indexOf('/');
        Path folder = slash < 0 ? inputs : inputs.resolve(glob.substring(0, slash));
        if (!Files.isDirectory(folder)) {
            return "; the folder " + display(inputs.relativize(folder).toString()) + " does not exist";
        }
        List<String> names;
        try (Stream<Path> list = Files.list(folder)) {
            names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("~$")).sorted().limit(5).toList();
        }
        return names.isEmpty() ? "; the folder is empty" : "; the folder has " + String.join(", ", names);
    }

    /** The file as the user names it in messages: {@code inputs/clinical-trials/ctg-studies.csv}. */
    public String display(Path file) {
        return inputsDisplay + "/" + inputs.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A path relative to the inputs folder as the user names it: {@code inputs/clinical-trials}. */
    public String display(String relative) {
        return inputsDisplay + "/" + relative;
    }

    /** Describes a file read, with its SHA-256 so that a reader of the workbook can tell exactly which export was used. */
    public SourceFile sourceFile(Path file, String format) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return new SourceFile(display(file), HexFormat.of().formatHex(sha.digest()), Files.size(file), format);
    }
}
