package se.atmp2030.workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.atmp2030.workbook.TestInputs;

/**
 * Damages every bundled input, the template and an earlier workbook in seeded random ways (bytes flipped, lines dropped, doubled, swapped
 * and cut, quotes, delimiters, byte order marks and control characters put in, encodings changed, numbers blown up,
 * archives cut short or their entries damaged, dropped, nested or named to escape) and builds each time. Whatever the
 * damage: exit 0 or 1, never an internal error or a stack trace; on exit 1 the earlier workbook is byte for byte what it
 * was; nothing is written outside the output folder.
 *
 * <p>The run in every {@code mvn verify} makes {@value #DEFAULT_ITERATIONS} mutations (under a minute); the long run is
 * {@code mvn -B -Pfuzz verify} ({@code -Datmp.fuzz.iterations=N}, {@code -Datmp.fuzz.seed=S} to change them). A failure
 * names the iteration, the file and the damage, and the same seed makes the same damage again.
 */
class FuzzTest {
    static final int DEFAULT_ITERATIONS = 120;
    private static final int ITERATIONS = Integer.getInteger("atmp.fuzz.iterations", DEFAULT_ITERATIONS);
    private static final long SEED = Long.getLong("atmp.fuzz.seed", 20_261_125L);
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void noDamageMakesAnInternalErrorOrTouchesTheEarlierWorkbook() throws IOException {
        Path inputs = TestInputs.copyOfBundled(dir.resolve("work"));
        Path templates = Files.createDirectories(dir.resolve("work/templates"));
        TestInputs.copyTree(Path.of("workbook-templates"), templates);
        Path outDir = Files.createDirectories(dir.resolve("work/out"));
        Path out = outDir.resolve("book.xlsx");
        TestInputs.Run first = TestInputs.run("build", "--inputs", inputs.toString(), "--templates", templates.toString(),
                "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] earlier = Files.readAllBytes(out);

        List<Path> targets = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(inputs), Files.walk(templates))) {
            files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().forEach(targets::add);
        }
        targets.add(out); // the earlier workbook itself, whose edits a build without --fresh keeps
        Map<Path, byte[]> before = snapshot(dir.resolve("work"), outDir);
        List<String> project = listing(Path.of(""));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> exits = new TreeMap<>();
        for (int i = 0; i < ITERATIONS; i++) {
            Random random = new Random(SEED * 31 + i);
            Path target = targets.get(i % targets.size());
            boolean earlierDamaged = target.equals(out);
            byte[] good = earlierDamaged ? earlier : before.get(target);
            Mutation mutation = mutate(good, target.getFileName().toString(), random);
            Files.write(target, mutation.bytes());
            byte[] expected = earlierDamaged ? mutation.bytes() : earlier;
            String what = "iteration " + i + " (seed " + SEED + "): " + dir.resolve("work").relativize(target) + ", "
                    + mutation.what();
            try {
                List<String> args = new ArrayList<>(List.of("build", "--inputs", inputs.toString(), "--templates",
                        templates.toString(), "--out", out.toString()));
                if (!earlierDamaged) {
                    args.add("--fresh");
                }
                TestInputs.Run run = TestInputs.run(args.toArray(String[]::new));
                exits.merge(run.exitCode() + (run.exitCode() == 0 ? " (built)" : " (refused)"), 1, Integer::sum);
                String err = run.err();
                if (run.exitCode() != 0 && run.exitCode() != 1) {
                    failures.add(what + ": exit " + run.exitCode() + "\n" + err);
                } else if (err.contains("internal error") || err.contains("\tat ") || err.contains("\n\tat")) {
                    failures.add(what + ": a stack trace or internal error\n" + err);
                } else if (run.exitCode() == 1 && !Arrays.equals(Files.readAllBytes(out), expected)) {
                    failures.add(what + ": exit 1, and the earlier workbook changed");
                } else if (run.exitCode() == 1 && !err.contains("error: ")) {
                    failures.add(what + ": exit 1 without a message\n" + err);
                }
                Files.write(target, good);
                List<String> outside = changedOutside(before, dir.resolve("work"), outDir);
                if (!outside.isEmpty()) {
                    failures.add(what + ": wrote outside the output folder: " + outside);
                }
            } finally {
                if (!earlierDamaged) {
                    Files.write(target, good);
                }
                Files.write(out, earlier);
                deleteTree(outDir.resolve("backup"));
            }
        }
        System.out.println("fuzz: " + ITERATIONS + " mutations of " + targets.size() + " files (the inputs, the template "
                + "and the earlier workbook), seed " + SEED + ": " + exits);
        assertThat(listing(Path.of(""))).as("the project folder").isEqualTo(project);
        assertThat(failures).as(failures.size() + " of " + ITERATIONS + " damaged inputs went wrong").isEmpty();
    }

    // ---- mutations -----------------------------------------------------------------------------------------------------

    record Mutation(String what, byte[] bytes) {
    }

    static Mutation mutate(byte[] good, String name, Random random) throws IOException {
        boolean zip = good.length > 2 && good[0] == 'P' && good[1] == 'K';
        if (zip) {
            return mutateZip(good, random);
        }
        return mutateText(good, random);
    }

    /** One damage to a text file's bytes. */
    static Mutation mutateText(byte[] good, Random random) {
        List<byte[]> lines = lines(good);
        int kind = random.nextInt(14);
        int at = good.length == 0 ? 0 : random.nextInt(good.length);
        int line = lines.isEmpty() ? 0 : random.nextInt(lines.size());
        switch (kind) {
            case 0 -> {
                byte[] b = good.clone();
                int n = 1 + random.nextInt(5);
                StringBuilder where = new StringBuilder();
                for (int k = 0; k < n && b.length > 0; k++) {
                    int p = random.nextInt(b.length);
                    b[p] = (byte) random.nextInt(256);
                    where.append(k == 0 ? "" : ", ").append(p);
                }
                return new Mutation(n + " bytes flipped at " + where, b);
            }
            case 1 -> {
                if (!lines.isEmpty()) {
                    lines.remove(line);
                }
                return new Mutation("line " + (line + 1) + " dropped", join(lines));
            }
            case 2 -> {
                if (!lines.isEmpty()) {
                    lines.add(line, lines.get(line));
                }
                return new Mutation("line " + (line + 1) + " doubled", join(lines));
            }
            case 3 -> {
                return new Mutation("cut at byte " + at, Arrays.copyOf(good, at));
            }
            case 4 -> {
                return new Mutation("a quote put in at byte " + at, insert(good, at, "\""));
            }
            case 5 -> {
                String delimiter = List.of(",", ";", "\t", "|").get(random.nextInt(4));
                return new Mutation("a delimiter " + delimiter.replace("\t", "TAB") + " put in at byte " + at,
                        insert(good, at, delimiter));
            }
            case 6 -> {
                return new Mutation("a byte order mark put in at line " + (line + 1), insertLine(lines, line, "\uFEFF"));
            }
            case 7 -> {
                String control = String.valueOf((char) (int) List.of(0, 1, 7, 8, 11, 12, 27, 31).get(random.nextInt(8)));
                return new Mutation("control character " + (int) control.charAt(0) + " put in at byte " + at,
                        insert(good, at, control));
            }
            case 8 -> {
                String text = new String(good, StandardCharsets.UTF_8);
                int enc = random.nextInt(4);
                return switch (enc) {
                    case 0 -> new Mutation("saved as UTF-16LE with a BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                            text.getBytes(StandardCharsets.UTF_16LE)));
                    case 1 -> new Mutation("saved as UTF-16BE without a BOM", text.getBytes(StandardCharsets.UTF_16BE));
                    case 2 -> new Mutation("saved as Windows-1252", text.getBytes(CP1252));
                    default -> new Mutation("saved as UTF-8 with a BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                            (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
                };
            }
            case 9 -> {
                if (lines.size() > 1) {
                    int other = random.nextInt(lines.size());
                    byte[] a = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, a);
                }
                return new Mutation("lines swapped", join(lines));
            }
            case 10 -> {
                String text = new String(good, StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+").matcher(text);
                List<int[]> runs = new ArrayList<>();
                while (digits.find()) {
                    runs.add(new int[] {digits.start(), digits.end()});
                }
                if (runs.isEmpty()) {
                    return new Mutation("nothing (no number)", good);
                }
                int[] run = runs.get(random.nextInt(runs.size()));
                String replacement = List.of("-" + text.substring(run[0], run[1]), "9".repeat(320), "1e308", "NaN",
                        "0.000", "3000", "1800", "").get(random.nextInt(8));
                return new Mutation("number at byte " + run[0] + " made " + replacement, (text.substring(0, run[0])
                        + replacement + text.substring(run[1])).getBytes(StandardCharsets.ISO_8859_1));
            }
            case 11 -> {
                return new Mutation("line endings made CR", new String(good, StandardCharsets.ISO_8859_1)
                        .replace("\r\n", "\n").replace('\n', '\r').getBytes(StandardCharsets.ISO_8859_1));
            }
            case 12 -> {
                return new Mutation("a long line of 100,000 characters put in at line " + (line + 1),
                        insertLine(lines, line, "x".repeat(100_000) + "\n"));
            }
            default -> {
                return new Mutation("emptied", new byte[0]);
            }
        }
    }

    /** One damage to an archive: to its bytes, or to one of its entries. */
    static Mutation mutateZip(byte[] good, Random random) throws IOException {
        Map<String, byte[]> entries = HostileWorkbooksTest.unzip(good);
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        int kind = random.nextInt(8);
        switch (kind) {
            case 0 -> {
                int at = random.nextInt(good.length);
                return new Mutation("archive cut at byte " + at, Arrays.copyOf(good, at));
            }
            case 1 -> {
                byte[] b = good.clone();
                int p = random.nextInt(b.length);
                b[p] = (byte) (b[p] ^ (1 + random.nextInt(255)));
                return new Mutation("archive byte " + p + " flipped", b);
            }
            case 2 -> {
                entries.remove(name);
                return new Mutation("entry " + name + " dropped", HostileWorkbooksTest.zip(entries));
            }
            case 3 -> {
                entries.put("nested/" + name + ".zip", HostileWorkbooksTest.zip(Map.of(name, entries.get(name))));
                return new Mutation("entry " + name + " nested in a zip in the archive", HostileWorkbooksTest.zip(entries));
            }
            case 4 -> {
                entries.put("../../escaped-" + name.replace('/', '-'), entries.get(name));
                return new Mutation("entry " + name + " added again, named to escape the folder",
                        HostileWorkbooksTest.zip(entries));
            }
            default -> {
                Mutation inner = mutateText(entries.get(name), random);
                entries.put(name, inner.bytes());
                return new Mutation("entry " + name + ": " + inner.what(), HostileWorkbooksTest.zip(entries));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] bytes, int at, String text) {
        return concat(concat(Arrays.copyOf(bytes, at), text.getBytes(StandardCharsets.UTF_8)),
                Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] insertLine(List<byte[]> lines, int line, String prefix) {
        List<byte[]> copy = new ArrayList<>(lines);
        byte[] old = copy.isEmpty() ? new byte[0] : copy.get(line);
        byte[] changed = concat(prefix.getBytes(StandardCharsets.UTF_8), old);
        if (copy.isEmpty()) {
            copy.add(changed);
        } else {
            copy.set(line, changed);
        }
        return join(copy);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Every file under the folder but the output folder, with its bytes. */
    private static Map<Path, byte[]> snapshot(Path root, Path outDir) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(outDir)).toList()) {
                files.put(p, Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static List<String> changedOutside(Map<Path, byte[]> before, Path root, Path outDir) throws IOException {
        Map<Path, byte[]> now = snapshot(root, outDir);
        List<String> changed = new ArrayList<>();
        now.forEach((p, bytes) -> {
            if (!before.containsKey(p)) {
                changed.add("new " + root.relativize(p));
            } else if (!Arrays.equals(before.get(p), bytes)) {
                changed.add("changed " + root.relativize(p));
            }
        });
        before.keySet().stream().filter(p -> !now.containsKey(p)).forEach(p -> changed.add("removed " + root.relativize(p)));
        Path parent = root.getParent();
        try (Stream<Path> list = Files.list(parent)) {
            list.filter(p -> !p.equals(root)).forEach(p -> changed.add("new " + p));
        }
        return changed;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
