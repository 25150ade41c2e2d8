package se.atmp2030.workbook.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import se.atmp2030.workbook.engine.WorkbookBuild;

/**
 * {@code java -jar atmp-workbook.jar [build|validate|collectors] [options]}; with no command, {@code build}.
 */
@Command(name = "atmp-workbook", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {BuildCommand.class, ValidateCommand.class, FetchCommand.class, CollectorsCommand.class,
                KpisCommand.class},
        description = "Builds the Swedish ATMP Annual Report workbook from the files in inputs/.%n"
                + "With no command, runs build.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the inputs have problems (all are listed); nothing was written",
                "2:wrong command line", "3:the workbook could not be written; the earlier one is unchanged",
                "4:internal error (run with -v for details)"})
public final class Main implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Workbook to write (default: out/atmp-annual-report-<year>.xlsx).")
    java.nio.file.Path out;

    @Mixin
    RebuildOptions rebuild;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show debug messages.")
    void verbose(boolean on) {
        ((Logger) LoggerFactory.getLogger("se.atmp2030")).setLevel(on ? Level.DEBUG : Level.INFO);
        verbose = on;
    }

    static boolean verbose;

    Console console;

    @Override
    public Integer call() {
        return BuildCommand.run(common, out, rebuild, console);
    }

    public static void main(String[] args) {
        followParent();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * In the JVM the launcher started: stop when the launcher's process ends, so that killing the {@code java} the user
     * started stops the build (the earlier workbook stays as it was: it is replaced only by a complete new one).
     */
    private static void followParent() {
        String parent = System.getProperty(Launcher.PARENT);
        if (parent == null || !parent.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> System.exit(ExitCodes.INTERNAL)),
                () -> System.exit(ExitCodes.INTERNAL));
    }

    /** Runs a command line and returns its exit code; tests call this to see exactly what a user sees. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        verbose = false;
        Console console = new Console(out, err);
        Main main = new Main();
        main.console = console;
        CommandLine cli = new CommandLine(main, new Factory(console));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage());
            err.println("Run with --help to see the commands and options.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> internalError(e, err));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int internalError(Exception e, PrintWriter err) {
        err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (verbose) {
            e.printStackTrace(err);
        } else {
            err.println("This is a bug or a broken plugin, not a problem with your inputs. Run with -v to see the details.");
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** Gives the subcommands the console. */
    private record Factory(Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K instance = CommandLine.defaultFactory().create(cls);
            if (instance instanceof ConsoleAware aware) {
                aware.console(console);
            }
            return instance;
        }
    }

    /** Commands that print through the {@link Console}. */
    interface ConsoleAware {
        void console(Console console);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ATMP Workbook Builder " + WorkbookBuild.version()};
        }
    }
}
