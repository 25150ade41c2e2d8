package se.atmp2030.workbook.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jar's entry point. A typical build is short, and most of its time on a two-core machine goes to the JIT's
 * optimising compiler (C2) compiling code that will not run long enough to pay off: measured, the default build takes
 * 3.5 s as it is and 2.3 s with the quick compiler (C1) alone. The JVM takes that choice only from its command line,
 * which {@code java -jar} gives no room for, so for inputs of ordinary size the launcher starts the tool again in a JVM
 * with {@code -XX:TieredStopAtLevel=1}, passing on the user's JVM options, standard streams and exit code. Large
 * inputs (over 64 MB) keep the full compiler, which they need. {@code -Datmp.launch=direct} turns this off.
 */
public final class Launcher {
    static final long LARGE_INPUTS = 64L << 20;
    private static final String LAUNCHED = "atmp.launch";
    static final String PARENT = "atmp.parent";

    private Launcher() {
    }

    public static void main(String[] args) {
        String jar = Launcher.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        List<String> command = System.getProperty(LAUNCHED) != null ? null : relaunchCommand(args, jar);
        if (command == null) {
            Main.main(args);
            return;
        }
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            System.exit(child.waitFor());
        } catch (IOException e) {
            Main.main(args); // no second JVM to be had: run here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(ExitCodes.INTERNAL);
        }
    }

    /**
     * The command that starts the tool from {@code jar} with the quick compiler, or {@code null} to run in this JVM:
     * when not run from a jar (from classes, in tests and IDEs) or when the inputs are large.
     */
    static List<String> relaunchCommand(String[] args, String jar) {
        if (!jar.endsWith(".jar") || inputsSize(args) > LARGE_INPUTS) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + LAUNCHED + "=child");
        // The child ends with its parent, even one killed outright (no shutdown hook runs then).
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(jar);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The bytes of the inputs folder the command line names (or {@code inputs}); what cannot be read counts as none. */
    static long inputsSize(String[] args) {
        String inputs = "inputs";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--inputs") && i + 1 < args.length) {
                inputs = args[i + 1];
            } else if (args[i].startsWith("--inputs=")) {
                inputs = args[i].substring("--inputs=".length());
            }
        }
        Path dir = Path.of(inputs);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
