package se.atmp2030.workbook.engine;

import com.google.inject.Module;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Finds the Guice modules that bind collectors: the built-in ones and those of every jar in the plugins folder, each
 * announced in {@code META-INF/services/com.google.inject.Module}. Dropping a jar into {@code plugins/} adds its
 * collectors without a rebuild. A file there that is no working plugin (not a jar, a damaged jar, a jar without a
 * module, a module that fails to load) is {@linkplain #broken() broken}, named with its file and the cause.
 */
public final class Plugins {
    /** A module and where it came from ({@code built-in} or the jar's file name). */
    public record Found(Module module, String origin) {
    }

    /** A plugin file that cannot be used, and why. */
    public record Broken(String file, String reason) {
    }

    private final List<Found> modules;
    private final List<Broken> broken;

    private Plugins(List<Found> modules, List<Broken> broken) {
        this.modules = modules;
        this.broken = broken;
    }

    /** Discovers modules; a plugins folder that does not exist simply adds none. */
    public static Plugins discover(Path pluginsDir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            try (Stream<Path> list = Files.list(pluginsDir)) {
                list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
            }
        }
        ClassLoader builtIn = Plugins.class.getClassLoader();
        List<Found> found = new ArrayList<>();
        List<Broken> broken = new ArrayList<>();
        for (Module module : ServiceLoader.load(Module.class, builtIn)) {
            found.add(new Found(module, "built-in"));
        }
        for (Path file : files) {
            String name = display(pluginsDir, file);
            if (Files.isDirectory(file) || !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
                broken.add(new Broken(name, "is not a jar (expected plugin jars only here; move it away)"));
                continue;
            }
            try (ZipFile ignored = new ZipFile(file.toFile())) {
                // opens: a jar, as far as a zip goes
            } catch (IOException e) {
                broken.add(new Broken(name, "is not a readable jar (" + e.getMessage() + "): build the plugin again"));
                continue;
            }
            // One loader per jar, so that each module is attributed to its jar; the parent gives them the app's classes.
            URLClassLoader loader = new URLClassLoader(new URL[] {url(file)}, builtIn);
            int before = found.size();
            try {
                for (ServiceLoader.Provider<Module> provider : ServiceLoader.load(Module.class, loader).stream().toList()) {
                    if (provider.type().getClassLoader() == loader) {
                        found.add(new Found(provider.get(), file.getFileName().toString()));
                    }
                }
            } catch (java.util.ServiceConfigurationError | LinkageError | RuntimeException e) {
                while (found.size() > before) {
                    found.remove(found.size() - 1);
                }
                broken.add(new Broken(name, "has a module that fails to load (" + cause(e) + ")"));
                continue;
            }
            if (found.size() == before) {
                broken.add(new Broken(name, "has no Guice module listed in META-INF/services/com.google.inject.Module "
                        + "(expected the plugin's module class named there; see the README's plugin section)"));
            }
        }
        return new Plugins(found, broken);
    }

    /** The jar a class was loaded from, for messages: {@code hospital-beds.jar}, or {@code built-in}. */
    public static String origin(Class<?> type) {
        if (type.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length == 1
                && type.getClassLoader() != Plugins.class.getClassLoader()) {
            String path = loader.getURLs()[0].getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return "built-in";
    }

    /** Where the jar of a plugin's class is, as the user named the folder would read it: {@code plugins/beds.jar}. */
    static String location(Class<?> type) {
        if (type.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length == 1
                && type.getClassLoader() != Plugins.class.getClassLoader()) {
            try {
                Path jar = Path.of(loader.getURLs()[0].toURI()).toAbsolutePath().normalize();
                Path here = Path.of("").toAbsolutePath();
                return (jar.startsWith(here) ? here.relativize(jar) : jar).toString().replace('\\', '/');
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return origin(type);
            }
        }
        return "built-in";
    }

    public List<Found> found() {
        return modules;
    }

    public List<Broken> broken() {
        return broken;
    }

    public List<Module> modules() {
        return modules.stream().map(Found::module).toList();
    }

    /** The same plugins without those of these jars (their collectors failed and the user chose to go on). */
    Plugins without(java.util.Set<String> jars) {
        return new Plugins(modules.stream().filter(f -> !jars.contains(f.origin())).toList(), broken);
    }

    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.util.ServiceConfigurationError && root.getMessage() != null) {
            // "com.google.inject.Module: Provider org.example.Missing not found": the part after the service says it
            return se.atmp2030.workbook.collect.Problem.shorten(
                    root.getMessage().replaceFirst("^com\\.google\\.inject\\.Module: ", ""), 300);
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return se.atmp2030.workbook.collect.Problem.shorten(root.getClass().getSimpleName() + message, 300);
    }

    private static String display(Path dir, Path file) {
        return (dir.toString() + "/" + file.getFileName()).replace('\\', '/');
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot load plugin " + jar, e);
        }
    }
}
